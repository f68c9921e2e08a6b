namespace Vigil.Mqtt.Protocol;

/// <summary>What <see cref="MqttPacketCodec.Decode"/> found at the start of a buffer.</summary>
public enum MqttDecodeStatus
{
    /// <summary>The buffer holds only the beginning of a packet; read more bytes and decode again from the same start.</summary>
    NeedMoreData,

    /// <summary>A whole, valid packet was decoded.</summary>
    Packet,

    /// <summary>The bytes violate the protocol; the connection must be closed (MQTT 3.1.1 §4.8).</summary>
    Error,
}

/// <summary>The outcome of one decode attempt.</summary>
/// <param name="Status">Need more data, a packet, or a protocol error.</param>
/// <param name="Packet">The decoded packet when <paramref name="Status"/> is <see cref="MqttDecodeStatus.Packet"/>.</param>
/// <param name="Error">The violation when <paramref name="Status"/> is <see cref="MqttDecodeStatus.Error"/>.</param>
/// <param name="Consumed">The bytes the packet occupied (0 unless a packet was decoded).</param>
public readonly record struct MqttDecodeResult(MqttDecodeStatus Status, MqttPacket? Packet, MqttProtocolError? Error, long Consumed)
{
    internal static MqttDecodeResult NeedMore => new(MqttDecodeStatus.NeedMoreData, null, null, 0);

    internal static MqttDecodeResult Fail(MqttProtocolErrorCode code, string message) =>
        new(MqttDecodeStatus.Error, null, new MqttProtocolError(code, message), 0);
}
