using System.Buffers;
using System.Text;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Tests.Protocol;

/// <summary>Seeded random valid packets of every type, for round-trip and mutation fuzzing.</summary>
internal sealed class PacketGenerator(int seed)
{
    private static readonly string[] Fragments = ["a", "sensors", "m-17", "telemetry", "ü", "温度", "😀", "$SYS", "", "x y", "level"];

    public Random Random { get; } = new(seed);

    public MqttPacket Next()
    {
        var r = Random;
        return r.Next(14) switch
        {
            0 => Connect(),
            1 => r.Next(2) == 0
                ? new ConnAckPacket(MqttConnectReturnCode.Accepted, r.Next(2) == 0)
                : new ConnAckPacket((MqttConnectReturnCode)r.Next(0, 6)),
            2 => Publish(),
            3 => new PubAckPacket(Id()),
            4 => new PubRecPacket(Id()),
            5 => new PubRelPacket(Id()),
            6 => new PubCompPacket(Id()),
            7 => new SubscribePacket(Id(), Enumerable.Range(0, r.Next(1, 5)).Select(_ => new MqttSubscription(Filter(), Qos()))),
            8 => new SubAckPacket(Id(), Enumerable.Range(0, r.Next(1, 5)).Select(_ => r.Next(4) switch
            {
                3 => MqttSubscribeReturnCode.Failure,
                var q => (MqttSubscribeReturnCode)q,
            })),
            9 => new UnsubscribePacket(Id(), Enumerable.Range(0, r.Next(1, 5)).Select(_ => Filter())),
            10 => new UnsubAckPacket(Id()),
            11 => PingReqPacket.Instance,
            12 => PingRespPacket.Instance,
            _ => DisconnectPacket.Instance,
        };
    }

    public ConnectPacket Connect()
    {
        var r = Random;
        var clean = r.Next(2) == 0;
        var id = clean && r.Next(5) == 0 ? string.Empty : Text(1, 30);
        var will = r.Next(2) == 0 ? null : new MqttWill(Topic(), Bytes(40), Qos(), r.Next(2) == 0);
        var user = r.Next(2) == 0 ? null : Text(0, 10);
        ReadOnlyMemory<byte>? password = user is not null && r.Next(2) == 0 ? new ReadOnlyMemory<byte>(Bytes(20)) : (ReadOnlyMemory<byte>?)null;
        return new ConnectPacket(id, clean, (ushort)r.Next(0, 65536), will, user, password);
    }

    public PublishPacket Publish()
    {
        var qos = Qos();
        return qos == MqttQualityOfService.AtMostOnce
            ? new PublishPacket(Topic(), Bytes(Random.Next(4) == 0 ? 3000 : 60), qos, Random.Next(2) == 0)
            : new PublishPacket(Topic(), Bytes(Random.Next(4) == 0 ? 3000 : 60), qos, Random.Next(2) == 0, Random.Next(2) == 0, Id());
    }

    public ushort Id() => (ushort)Random.Next(1, 65536);

    public MqttQualityOfService Qos() => (MqttQualityOfService)Random.Next(3);

    public byte[] Bytes(int max)
    {
        var bytes = new byte[Random.Next(0, max + 1)];
        Random.NextBytes(bytes);
        return bytes;
    }

    public string Text(int min, int max)
    {
        var sb = new StringBuilder();
        var length = Random.Next(min, max + 1);
        while (sb.Length < length)
        {
            sb.Append(Random.Next(3) switch
            {
                0 => Fragments[Random.Next(Fragments.Length)],
                1 => (char)Random.Next('a', 'z' + 1),
                _ => (char)Random.Next(0x20, 0x7F) is var ch && ch is '+' or '#' ? 'q' : ch,
            });
        }

        return sb.ToString();
    }

    public string Topic()
    {
        var levels = Enumerable.Range(0, Random.Next(1, 5)).Select(_ => Level());
        var topic = string.Join('/', levels);
        return topic.Length == 0 ? "t" : topic;
    }

    public string Filter()
    {
        var levels = Enumerable.Range(0, Random.Next(1, 5)).Select(_ => Random.Next(4) == 0 ? "+" : Level()).ToList();
        if (Random.Next(3) == 0)
        {
            levels.Add("#");
        }

        var filter = string.Join('/', levels);
        return filter.Length == 0 ? "#" : filter;
    }

    private string Level() => Random.Next(6) == 0 ? string.Empty : Fragments[Random.Next(Fragments.Length)] is var f && f.Length > 0 ? f : "z";

    public static byte[] Encode(MqttPacket packet)
    {
        var writer = new ArrayBufferWriter<byte>();
        MqttPacketCodec.Encode(packet, writer);
        return writer.WrittenSpan.ToArray();
    }
}

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/> from chunks.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] data, Random random, int pieces)
    {
        if (data.Length == 0 || pieces <= 1)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var cuts = Enumerable.Range(0, pieces - 1).Select(_ => random.Next(0, data.Length + 1)).Append(0).Append(data.Length).Distinct().Order().ToList();
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var chunk = data.AsMemory(cuts[i], cuts[i + 1] - cuts[i]);
            if (first is null)
            {
                first = last = new Segment(chunk, 0);
            }
            else
            {
                last = last!.Append(chunk);
            }
        }

        return first is null ? new ReadOnlySequence<byte>(data) : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
