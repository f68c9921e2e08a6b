namespace Vigil.Mqtt.Protocol;

/// <summary>Why a byte stream is not valid MQTT 3.1.1; the connection carrying it must be closed (§4.8).</summary>
public enum MqttProtocolErrorCode
{
    /// <summary>The remaining-length variable byte integer is longer than 4 bytes (§2.2.3).</summary>
    MalformedRemainingLength,

    /// <summary>The packet is larger than the configured maximum; detected from the fixed header, before buffering the body.</summary>
    PacketTooLarge,

    /// <summary>The packet type is 0 or 15, both reserved (§2.2.1).</summary>
    ReservedPacketType,

    /// <summary>The fixed-header flag bits are not those the packet type requires (§2.2.2).</summary>
    InvalidFlags,

    /// <summary>The variable header or payload is shorter or longer than the remaining length says, or a field is out of range.</summary>
    MalformedPacket,

    /// <summary>A string is not well-formed UTF-8, contains U+0000, or is longer than 65,535 bytes (§1.5.3).</summary>
    InvalidString,

    /// <summary>A PUBLISH or will topic name is empty or contains a wildcard (§4.7).</summary>
    InvalidTopicName,

    /// <summary>A subscription topic filter is empty or uses a wildcard wrongly (§4.7.1).</summary>
    InvalidTopicFilter,

    /// <summary>A QoS field holds 3, or reserved bits next to it are set.</summary>
    InvalidQualityOfService,

    /// <summary>A packet identifier is 0 where a non-zero one is required (§2.3.1).</summary>
    ZeroPacketIdentifier,

    /// <summary>A SUBSCRIBE, SUBACK or UNSUBSCRIBE carries no entries (§3.8.3, §3.10.3).</summary>
    EmptyPayload,

    /// <summary>The CONNECT protocol name is not "MQTT" (§3.1.2.1).</summary>
    UnsupportedProtocolName,

    /// <summary>The CONNECT protocol level is not 4; a server answers CONNACK 0x01 then closes (§3.1.2.2).</summary>
    UnsupportedProtocolLevel,

    /// <summary>The CONNECT flags are inconsistent: reserved bit set, will fields without the will flag, password without user name (§3.1.2.3).</summary>
    InvalidConnectFlags,

    /// <summary>A CONNECT carries an empty client identifier with clean session 0; a server answers CONNACK 0x02 then closes ([MQTT-3.1.3-8]).</summary>
    ClientIdRejected,

    /// <summary>A CONNACK or SUBACK return code, or the CONNACK acknowledge flags, hold a reserved value.</summary>
    InvalidReturnCode,
}

/// <summary>A protocol violation found by <see cref="MqttPacketCodec"/>.</summary>
/// <param name="Code">The kind of violation.</param>
/// <param name="Message">A human-readable description naming the offending field.</param>
public sealed record MqttProtocolError(MqttProtocolErrorCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Thrown when a peer sends bytes that are not valid MQTT 3.1.1; the connection is closed.</summary>
public sealed class MqttProtocolException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public MqttProtocolException(MqttProtocolError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception from a code and a message.</summary>
    public MqttProtocolException(MqttProtocolErrorCode code, string message)
        : this(new MqttProtocolError(code, message))
    {
    }

    /// <summary>The violation.</summary>
    public MqttProtocolError Error { get; }
}
