using System.Buffers;
using Shouldly;
using Vigil.Mqtt.Protocol;
using Xunit;

namespace Vigil.Mqtt.Tests.Protocol;

public sealed class FuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomPackets_RoundTripThroughEncodeAndDecode(int seed)
    {
        var generator = new PacketGenerator(seed);
        var codec = new MqttPacketCodec();
        for (var i = 0; i < 2000; i++)
        {
            var packet = generator.Next();
            var bytes = PacketGenerator.Encode(packet);
            bytes.Length.ShouldBe(MqttPacketCodec.GetEncodedLength(packet));
            var pieces = generator.Random.Next(1, 6);
            var result = codec.Decode(Segments.Split(bytes, generator.Random, pieces));
            result.Status.ShouldBe(MqttDecodeStatus.Packet, $"seed {seed} #{i} {packet}: {result.Error}");
            result.Consumed.ShouldBe(bytes.Length);
            result.Packet.ShouldBe(packet, $"seed {seed} #{i}");
            result.Packet!.GetHashCode().ShouldBe(packet.GetHashCode());
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(30)]
    public void MutatedPackets_NeverThrowAndAllocateBoundedly(int seed)
    {
        var generator = new PacketGenerator(seed);
        var r = generator.Random;
        var codec = new MqttPacketCodec(maximumPacketSize: 4096);
        var counts = new Dictionary<MqttDecodeStatus, int>();
        for (var i = 0; i < 4000; i++)
        {
            var bytes = Mutate(PacketGenerator.Encode(generator.Next()), r);
            var sequence = Segments.Split(bytes, r, r.Next(1, 4));
            var before = GC.GetAllocatedBytesForCurrentThread();
            MqttDecodeResult result;
            try
            {
                result = codec.Decode(sequence);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"seed {seed} #{i}: Decode threw on [{Convert.ToHexString(bytes)}]", e);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.ShouldBeLessThan(16_384 + (4L * bytes.Length), $"seed {seed} #{i}");
            counts[result.Status] = counts.GetValueOrDefault(result.Status) + 1;
            switch (result.Status)
            {
                case MqttDecodeStatus.Packet:
                    // Whatever was accepted is a valid packet that re-encodes to the bytes it consumed.
                    result.Consumed.ShouldBeInRange(2, bytes.Length);
                    PacketGenerator.Encode(result.Packet!).ShouldBe(bytes[..(int)result.Consumed]);
                    break;
                case MqttDecodeStatus.Error:
                    result.Error.ShouldNotBeNull();
                    break;
                default:
                    result.Packet.ShouldBeNull();
                    break;
            }
        }

        // The mutations exercise all three outcomes.
        counts.Keys.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    public void Garbage_NeverThrows(int seed)
    {
        var r = new Random(seed);
        var codec = new MqttPacketCodec(maximumPacketSize: 1024);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[r.Next(0, 64)];
            r.NextBytes(bytes);
            var result = codec.Decode(new ReadOnlySequence<byte>(bytes));
            if (result.Status == MqttDecodeStatus.Packet)
            {
                PacketGenerator.Encode(result.Packet!).ShouldBe(bytes[..(int)result.Consumed]);
            }
        }
    }

    [Fact]
    public void Stream_OfRandomPackets_DecodesIncrementallyInArbitraryChunks()
    {
        var generator = new PacketGenerator(seed: 5);
        var packets = Enumerable.Range(0, 300).Select(_ => generator.Next()).ToList();
        var writer = new ArrayBufferWriter<byte>();
        foreach (var p in packets)
        {
            MqttPacketCodec.Encode(p, writer);
        }

        var all = writer.WrittenSpan.ToArray();
        var codec = new MqttPacketCodec();
        var decoded = new List<MqttPacket>();
        var start = 0;
        var available = 0;
        while (start < all.Length)
        {
            // Deliver a random number of new bytes, then decode as much as possible.
            available = Math.Min(all.Length, available + generator.Random.Next(1, 700));
            while (true)
            {
                var result = codec.Decode(new ReadOnlySequence<byte>(all, start, available - start));
                result.Status.ShouldNotBe(MqttDecodeStatus.Error);
                if (result.Status == MqttDecodeStatus.NeedMoreData)
                {
                    break;
                }

                decoded.Add(result.Packet!);
                start += (int)result.Consumed;
            }
        }

        decoded.ShouldBe(packets);
    }

    private static byte[] Mutate(byte[] bytes, Random r)
    {
        switch (r.Next(8))
        {
            case 0: // flip one bit
                {
                    var copy = (byte[])bytes.Clone();
                    copy[r.Next(copy.Length)] ^= (byte)(1 << r.Next(8));
                    return copy;
                }

            case 1: // overwrite a few bytes
                {
                    var copy = (byte[])bytes.Clone();
                    for (var k = r.Next(1, 4); k > 0; k--)
                    {
                        copy[r.Next(copy.Length)] = (byte)r.Next(256);
                    }

                    return copy;
                }

            case 2: // truncate
                return bytes[..r.Next(bytes.Length)];
            case 3: // malformed or huge remaining length
                return r.Next(3) switch
                {
                    0 => [bytes[0], 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, .. bytes[2..]],
                    1 => [bytes[0], 0xFF, 0xFF, 0xFF, 0x7F, .. bytes[2..]],
                    _ => [bytes[0], (byte)(0x80 | r.Next(128)), (byte)r.Next(128), .. bytes[2..]],
                };
            case 4: // insert random bytes in the body
                {
                    var at = r.Next(1, bytes.Length + 1);
                    var extra = new byte[r.Next(1, 5)];
                    r.NextBytes(extra);
                    return [.. bytes[..at], .. extra, .. bytes[at..]];
                }

            case 5: // random header byte
                {
                    var copy = (byte[])bytes.Clone();
                    copy[0] = (byte)r.Next(256);
                    return copy;
                }

            case 6: // oversize payload behind a valid header
                {
                    var payload = new byte[r.Next(4000, 9000)];
                    r.NextBytes(payload);
                    return PacketGenerator.Encode(new PublishPacket("big", payload));
                }

            default: // unchanged
                return bytes;
        }
    }
}
