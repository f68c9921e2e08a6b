using System.Buffers;
using Shouldly;
using Vigil.Mqtt.Protocol;
using Xunit;

namespace Vigil.Mqtt.Tests.Protocol;

public sealed class CodecTests
{
    private readonly MqttPacketCodec _codec = new();

    private MqttDecodeResult Decode(params byte[] bytes) => _codec.Decode(new ReadOnlySequence<byte>(bytes));

    private void ShouldFail(MqttProtocolErrorCode code, params byte[] bytes)
    {
        var result = Decode(bytes);
        result.Status.ShouldBe(MqttDecodeStatus.Error, $"expected {code}");
        result.Error!.Code.ShouldBe(code, result.Error.Message);
    }

    [Fact]
    public void Encode_KnownBytes()
    {
        PacketGenerator.Encode(PingReqPacket.Instance).ShouldBe([0xC0, 0x00]);
        PacketGenerator.Encode(PingRespPacket.Instance).ShouldBe([0xD0, 0x00]);
        PacketGenerator.Encode(DisconnectPacket.Instance).ShouldBe([0xE0, 0x00]);
        PacketGenerator.Encode(new PubAckPacket(0x1234)).ShouldBe([0x40, 0x02, 0x12, 0x34]);
        PacketGenerator.Encode(new PubRelPacket(7)).ShouldBe([0x62, 0x02, 0x00, 0x07]);
        PacketGenerator.Encode(new ConnAckPacket(MqttConnectReturnCode.Accepted, sessionPresent: true)).ShouldBe([0x20, 0x02, 0x01, 0x00]);
        PacketGenerator.Encode(new PublishPacket("a/b", new byte[] { 1, 2 }, MqttQualityOfService.AtLeastOnce, retain: true, dup: true, packetId: 10))
            .ShouldBe([0x3B, 0x09, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', 0x00, 0x0A, 1, 2]);
        PacketGenerator.Encode(new SubscribePacket(1, [new MqttSubscription("a/#", MqttQualityOfService.AtLeastOnce)]))
            .ShouldBe([0x82, 0x08, 0x00, 0x01, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'#', 0x01]);
        PacketGenerator.Encode(new ConnectPacket("c", cleanSession: true, keepAliveSeconds: 60, userName: "u", password: new byte[] { (byte)'p' }))
            .ShouldBe([0x10, 0x13, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0xC2, 0, 60, 0, 1, (byte)'c', 0, 1, (byte)'u', 0, 1, (byte)'p']);
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    public void Encode_RemainingLength_SpecificationTable(int length, byte[] expected)
    {
        // A QoS 0 PUBLISH to topic "t" has remaining length 3 + payload.
        var packet = new PublishPacket("t", new byte[length - 3 < 0 ? 0 : length - 3]);
        if (length < 3)
        {
            return;
        }

        var bytes = PacketGenerator.Encode(packet);
        bytes.AsSpan(1, expected.Length).ToArray().ShouldBe(expected);
        new MqttPacketCodec(MqttPacketCodec.MaxPacketSizeLimit).Decode(new ReadOnlySequence<byte>(bytes)).Packet.ShouldBe(packet);
    }

    [Fact]
    public void Decode_EveryStrictPrefix_NeedsMoreData()
    {
        var generator = new PacketGenerator(seed: 3);
        for (var i = 0; i < 200; i++)
        {
            var packet = generator.Next();
            var bytes = PacketGenerator.Encode(packet);
            for (var cut = 0; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 40))
            {
                Decode(bytes[..cut]).Status.ShouldBe(MqttDecodeStatus.NeedMoreData, $"{packet} cut at {cut}");
            }
        }
    }

    [Fact]
    public void Decode_TwoPacketsBackToBack_ConsumesOnlyTheFirst()
    {
        var a = PacketGenerator.Encode(new PubAckPacket(5));
        var b = PacketGenerator.Encode(new PublishPacket("x", new byte[] { 9 }));
        var result = Decode([.. a, .. b]);
        result.Packet.ShouldBe(new PubAckPacket(5));
        result.Consumed.ShouldBe(a.Length);
    }

    [Fact]
    public void Decode_FifthRemainingLengthByte_Malformed()
    {
        ShouldFail(MqttProtocolErrorCode.MalformedRemainingLength, 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        ShouldFail(MqttProtocolErrorCode.MalformedRemainingLength, 0x30, 0x80, 0x80, 0x80, 0x80);
        Decode(0x30, 0x80, 0x80, 0x80).Status.ShouldBe(MqttDecodeStatus.NeedMoreData);
    }

    [Fact]
    public void Decode_Oversize_RefusedFromTheHeaderAlone()
    {
        var codec = new MqttPacketCodec(maximumPacketSize: 100);
        // 200 MB announced, five bytes present: refused now, not buffered.
        codec.Decode(new ReadOnlySequence<byte>([0x30, 0x80, 0x80, 0x80, 0x60])).Error!.Code.ShouldBe(MqttProtocolErrorCode.PacketTooLarge);

        var fits = PacketGenerator.Encode(new PublishPacket("t", new byte[95])); // 1 + 1 + 3 + 95 = 100
        fits.Length.ShouldBe(100);
        codec.Decode(new ReadOnlySequence<byte>(fits)).Status.ShouldBe(MqttDecodeStatus.Packet);
        var over = PacketGenerator.Encode(new PublishPacket("t", new byte[96]));
        codec.Decode(new ReadOnlySequence<byte>(over[..3])).Error!.Code.ShouldBe(MqttProtocolErrorCode.PacketTooLarge);
    }

    [Fact]
    public void Codec_MaximumPacketSize_Validated()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MqttPacketCodec(1)).ParamName.ShouldBe("maximumPacketSize");
        Should.Throw<ArgumentOutOfRangeException>(() => new MqttPacketCodec(MqttPacketCodec.MaxPacketSizeLimit + 1));
    }

    [Fact]
    public void Decode_ReservedTypes_Rejected()
    {
        ShouldFail(MqttProtocolErrorCode.ReservedPacketType, 0x00, 0x00);
        ShouldFail(MqttProtocolErrorCode.ReservedPacketType, 0xF0, 0x00);
    }

    [Theory]
    [InlineData(0xC1)] // PINGREQ with a flag bit
    [InlineData(0x60)] // PUBREL must be 0b0010
    [InlineData(0x80)] // SUBSCRIBE must be 0b0010
    [InlineData(0xA0)] // UNSUBSCRIBE must be 0b0010
    [InlineData(0x42)] // PUBACK must be 0
    [InlineData(0x38)] // PUBLISH QoS 0 with DUP
    public void Decode_ReservedFlagBits_Rejected(byte header) => ShouldFail(MqttProtocolErrorCode.InvalidFlags, header, 0x02, 0x00, 0x01);

    [Fact]
    public void Decode_PublishQos3_Rejected() => ShouldFail(MqttProtocolErrorCode.InvalidQualityOfService, 0x36, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x01);

    [Fact]
    public void Decode_ZeroPacketIds_Rejected()
    {
        ShouldFail(MqttProtocolErrorCode.ZeroPacketIdentifier, 0x32, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x00);
        ShouldFail(MqttProtocolErrorCode.ZeroPacketIdentifier, 0x40, 0x02, 0x00, 0x00);
        ShouldFail(MqttProtocolErrorCode.ZeroPacketIdentifier, 0x82, 0x06, 0x00, 0x00, 0x00, 0x01, (byte)'t', 0x00);
    }

    [Fact]
    public void Decode_SubscribeAndUnsubscribeWithoutFilters_Rejected()
    {
        ShouldFail(MqttProtocolErrorCode.EmptyPayload, 0x82, 0x02, 0x00, 0x01);
        ShouldFail(MqttProtocolErrorCode.EmptyPayload, 0xA2, 0x02, 0x00, 0x01);
        ShouldFail(MqttProtocolErrorCode.EmptyPayload, 0x90, 0x02, 0x00, 0x01);
    }

    [Fact]
    public void Decode_SubscribeReservedQosBits_Rejected()
    {
        ShouldFail(MqttProtocolErrorCode.InvalidQualityOfService, 0x82, 0x06, 0x00, 0x01, 0x00, 0x01, (byte)'t', 0x03);
        ShouldFail(MqttProtocolErrorCode.InvalidQualityOfService, 0x82, 0x06, 0x00, 0x01, 0x00, 0x01, (byte)'t', 0x41);
        ShouldFail(MqttProtocolErrorCode.InvalidTopicFilter, 0x82, 0x07, 0x00, 0x01, 0x00, 0x02, (byte)'t', (byte)'#', 0x01);
        ShouldFail(MqttProtocolErrorCode.InvalidReturnCode, 0x90, 0x03, 0x00, 0x01, 0x03);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong U+0000
    [InlineData(new byte[] { 0x00 })] // U+0000
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // UTF-16 surrogate encoded in UTF-8
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })] // truncated sequence
    public void Decode_IllFormedUtf8Topic_Rejected(byte[] topic)
    {
        byte[] body = [0x00, (byte)topic.Length, .. topic];
        ShouldFail(MqttProtocolErrorCode.InvalidString, [0x30, (byte)body.Length, .. body]);
    }

    [Fact]
    public void Decode_PublishTopicWithWildcard_Rejected()
    {
        ShouldFail(MqttProtocolErrorCode.InvalidTopicName, 0x30, 0x03, 0x00, 0x01, (byte)'#');
        ShouldFail(MqttProtocolErrorCode.InvalidTopicName, 0x30, 0x02, 0x00, 0x00);
    }

    [Fact]
    public void Decode_StringLongerThanRemainingLength_Malformed() =>
        ShouldFail(MqttProtocolErrorCode.MalformedPacket, 0x30, 0x03, 0x00, 0x09, (byte)'t');

    [Fact]
    public void Decode_FixedLengthPacketsWithExtraBytes_Malformed()
    {
        ShouldFail(MqttProtocolErrorCode.MalformedPacket, 0xC0, 0x01, 0x00);
        ShouldFail(MqttProtocolErrorCode.MalformedPacket, 0x40, 0x03, 0x00, 0x01, 0x00);
        ShouldFail(MqttProtocolErrorCode.MalformedPacket, 0x20, 0x01, 0x00);
    }

    [Fact]
    public void Decode_ConnectRules()
    {
        byte[] Connect(byte[] name, byte level, byte flags, params byte[] payload)
        {
            byte[] body = [0x00, (byte)name.Length, .. name, level, flags, 0x00, 0x3C, .. payload];
            return [0x10, (byte)body.Length, .. body];
        }

        byte[] id = [0x00, 0x01, (byte)'c'];
        Decode(Connect("MQTT"u8.ToArray(), 4, 0x02, id)).Packet.ShouldBe(new ConnectPacket("c", keepAliveSeconds: 60));
        ShouldFail(MqttProtocolErrorCode.UnsupportedProtocolLevel, Connect("MQTT"u8.ToArray(), 3, 0x02, id));
        ShouldFail(MqttProtocolErrorCode.UnsupportedProtocolName, Connect("MQIsdp"u8.ToArray(), 4, 0x02, id));
        ShouldFail(MqttProtocolErrorCode.InvalidConnectFlags, Connect("MQTT"u8.ToArray(), 4, 0x03, id)); // reserved bit
        ShouldFail(MqttProtocolErrorCode.InvalidConnectFlags, Connect("MQTT"u8.ToArray(), 4, 0x22, id)); // will retain without will
        ShouldFail(MqttProtocolErrorCode.InvalidConnectFlags, Connect("MQTT"u8.ToArray(), 4, 0x0A, id)); // will QoS without will
        ShouldFail(MqttProtocolErrorCode.InvalidQualityOfService, Connect("MQTT"u8.ToArray(), 4, 0x1E, id)); // will QoS 3
        ShouldFail(MqttProtocolErrorCode.InvalidConnectFlags, Connect("MQTT"u8.ToArray(), 4, 0x42, [.. id, 0x00, 0x00])); // password without user
        ShouldFail(MqttProtocolErrorCode.ClientIdRejected, Connect("MQTT"u8.ToArray(), 4, 0x00, 0x00, 0x00));
        ShouldFail(MqttProtocolErrorCode.MalformedPacket, Connect("MQTT"u8.ToArray(), 4, 0x02, [.. id, 0x01]));
        ShouldFail(MqttProtocolErrorCode.InvalidTopicName, Connect("MQTT"u8.ToArray(), 4, 0x06, [.. id, 0x00, 0x01, (byte)'+', 0x00, 0x00]));
    }

    [Fact]
    public void Decode_ConnAckRules()
    {
        ShouldFail(MqttProtocolErrorCode.InvalidReturnCode, 0x20, 0x02, 0x02, 0x00);
        ShouldFail(MqttProtocolErrorCode.InvalidReturnCode, 0x20, 0x02, 0x00, 0x06);
        ShouldFail(MqttProtocolErrorCode.InvalidReturnCode, 0x20, 0x02, 0x01, 0x05);
        Decode(0x20, 0x02, 0x00, 0x04).Packet.ShouldBe(new ConnAckPacket(MqttConnectReturnCode.BadUserNameOrPassword));
    }

    [Fact]
    public void PacketConstructors_ValidateFields()
    {
        Should.Throw<ArgumentException>(() => new PublishPacket("a/+", default)).ParamName.ShouldBe("topic");
        Should.Throw<ArgumentException>(() => new PublishPacket("a", default, MqttQualityOfService.AtLeastOnce)).ParamName.ShouldBe("packetId");
        Should.Throw<ArgumentException>(() => new PublishPacket("a", default, MqttQualityOfService.AtMostOnce, packetId: 3)).ParamName.ShouldBe("packetId");
        Should.Throw<ArgumentException>(() => new PublishPacket("a", default, MqttQualityOfService.AtMostOnce, dup: true)).ParamName.ShouldBe("dup");
        Should.Throw<ArgumentException>(() => new PublishPacket("a", default, (MqttQualityOfService)3, packetId: 1)).ParamName.ShouldBe("qos");
        Should.Throw<ArgumentException>(() => new PubAckPacket(0)).ParamName.ShouldBe("packetId");
        Should.Throw<ArgumentException>(() => new SubscribePacket(1, [])).ParamName.ShouldBe("subscriptions");
        Should.Throw<ArgumentException>(() => new UnsubscribePacket(1, [])).ParamName.ShouldBe("topicFilters");
        Should.Throw<ArgumentException>(() => new UnsubscribePacket(1, ["a#"])).ParamName.ShouldBe("topicFilters");
        Should.Throw<ArgumentException>(() => new MqttSubscription("a/#/b")).ParamName.ShouldBe("topicFilter");
        Should.Throw<ArgumentException>(() => new SubAckPacket(1, [(MqttSubscribeReturnCode)3])).ParamName.ShouldBe("returnCodes");
        Should.Throw<ArgumentException>(() => new ConnectPacket(string.Empty, cleanSession: false)).ParamName.ShouldBe("clientId");
        Should.Throw<ArgumentException>(() => new ConnectPacket("c\0")).ParamName.ShouldBe("clientId");
        Should.Throw<ArgumentException>(() => new ConnectPacket("c", password: new byte[1])).ParamName.ShouldBe("password");
        Should.Throw<ArgumentException>(() => new ConnAckPacket(MqttConnectReturnCode.NotAuthorized, sessionPresent: true)).ParamName.ShouldBe("sessionPresent");
        Should.Throw<ArgumentException>(() => new MqttWill("w/#", default)).ParamName.ShouldBe("topic");
    }

    [Fact]
    public void Encode_TooLargeForMqtt_Throws()
    {
        var huge = new PublishPacket("t", new byte[MqttPacketCodec.MaxRemainingLength]);
        Should.Throw<ArgumentException>(() => MqttPacketCodec.GetEncodedLength(huge));
    }

    [Fact]
    public void PublishPacket_WithDelivery_SetsIdAndDup()
    {
        var p = new PublishPacket("t", new byte[] { 1 }, MqttQualityOfService.AtLeastOnce, packetId: 4);
        var dup = p.WithDelivery(9, dup: true);
        dup.PacketId.ShouldBe((ushort)9);
        dup.Dup.ShouldBeTrue();
        dup.Topic.ShouldBe("t");
        p.Equals(dup).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => new PublishPacket("t", default).WithDelivery(1, false));
    }
}
