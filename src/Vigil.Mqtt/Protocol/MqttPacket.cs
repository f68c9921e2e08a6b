namespace Vigil.Mqtt.Protocol;

/// <summary>An immutable MQTT 3.1.1 control packet (OASIS MQTT Version 3.1.1, 29 October 2014, §2-§3).</summary>
/// <remarks>Constructors validate every field against the specification and throw <see cref="ArgumentException"/> naming the field.</remarks>
public abstract record MqttPacket
{
    private protected MqttPacket()
    {
    }

    /// <summary>The control packet type.</summary>
    public abstract MqttPacketType Type { get; }

    internal static void ValidateQos(MqttQualityOfService qos, string parameterName)
    {
        if ((byte)qos > 2)
        {
            throw new ArgumentOutOfRangeException(parameterName, qos, "QoS must be 0, 1 or 2.");
        }
    }

    internal static void ValidatePacketId(ushort packetId, string parameterName)
    {
        if (packetId == 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, packetId, "Packet identifiers must be non-zero (MQTT 3.1.1 §2.3.1).");
        }
    }

    internal static bool PayloadEquals(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b) => a.Span.SequenceEqual(b.Span);

    internal static int PayloadHash(ReadOnlyMemory<byte> payload)
    {
        var hash = new HashCode();
        hash.AddBytes(payload.Span);
        return hash.ToHashCode();
    }
}

/// <summary>Base of the packets that carry nothing but a packet identifier (PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK).</summary>
public abstract record MqttPacketWithId : MqttPacket
{
    private protected MqttPacketWithId(ushort packetId)
    {
        ValidatePacketId(packetId, nameof(packetId));
        PacketId = packetId;
    }

    /// <summary>The non-zero packet identifier.</summary>
    public ushort PacketId { get; }
}

/// <summary>PUBACK (§3.4): acknowledges a QoS 1 PUBLISH.</summary>
public sealed record PubAckPacket : MqttPacketWithId
{
    /// <summary>Creates the packet.</summary>
    /// <param name="packetId">The identifier of the acknowledged PUBLISH.</param>
    public PubAckPacket(ushort packetId)
        : base(packetId)
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.PubAck;
}

/// <summary>PUBREC (§3.5): first answer to a QoS 2 PUBLISH.</summary>
public sealed record PubRecPacket : MqttPacketWithId
{
    /// <summary>Creates the packet.</summary>
    /// <param name="packetId">The identifier of the received PUBLISH.</param>
    public PubRecPacket(ushort packetId)
        : base(packetId)
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.PubRec;
}

/// <summary>PUBREL (§3.6): answer to PUBREC; fixed-header flags 0b0010.</summary>
public sealed record PubRelPacket : MqttPacketWithId
{
    /// <summary>Creates the packet.</summary>
    /// <param name="packetId">The identifier of the released PUBLISH.</param>
    public PubRelPacket(ushort packetId)
        : base(packetId)
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.PubRel;
}

/// <summary>PUBCOMP (§3.7): completes the QoS 2 handshake.</summary>
public sealed record PubCompPacket : MqttPacketWithId
{
    /// <summary>Creates the packet.</summary>
    /// <param name="packetId">The identifier of the completed PUBLISH.</param>
    public PubCompPacket(ushort packetId)
        : base(packetId)
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.PubComp;
}

/// <summary>UNSUBACK (§3.11): acknowledges an UNSUBSCRIBE.</summary>
public sealed record UnsubAckPacket : MqttPacketWithId
{
    /// <summary>Creates the packet.</summary>
    /// <param name="packetId">The identifier of the acknowledged UNSUBSCRIBE.</param>
    public UnsubAckPacket(ushort packetId)
        : base(packetId)
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.UnsubAck;
}

/// <summary>PINGREQ (§3.12): keep-alive probe from the client.</summary>
public sealed record PingReqPacket : MqttPacket
{
    /// <summary>The single instance.</summary>
    public static PingReqPacket Instance { get; } = new();

    private PingReqPacket()
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.PingReq;
}

/// <summary>PINGRESP (§3.13): the server's answer to PINGREQ.</summary>
public sealed record PingRespPacket : MqttPacket
{
    /// <summary>The single instance.</summary>
    public static PingRespPacket Instance { get; } = new();

    private PingRespPacket()
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.PingResp;
}

/// <summary>DISCONNECT (§3.14): clean client disconnect; the server discards the will.</summary>
public sealed record DisconnectPacket : MqttPacket
{
    /// <summary>The single instance.</summary>
    public static DisconnectPacket Instance { get; } = new();

    private DisconnectPacket()
    {
    }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.Disconnect;
}

/// <summary>CONNACK (§3.2): the server's answer to CONNECT.</summary>
public sealed record ConnAckPacket : MqttPacket
{
    /// <summary>Creates a CONNACK; <paramref name="sessionPresent"/> must be false unless the connection is accepted ([MQTT-3.2.2-4]).</summary>
    public ConnAckPacket(MqttConnectReturnCode returnCode, bool sessionPresent = false)
    {
        if ((byte)returnCode > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(returnCode), returnCode, "CONNACK return codes are 0 to 5.");
        }

        if (sessionPresent && returnCode != MqttConnectReturnCode.Accepted)
        {
            throw new ArgumentException("Session present must be false on a refused connection (MQTT 3.1.1 [MQTT-3.2.2-4]).", nameof(sessionPresent));
        }

        ReturnCode = returnCode;
        SessionPresent = sessionPresent;
    }

    /// <summary>Whether the server resumed a stored session (clean session was false and state existed).</summary>
    public bool SessionPresent { get; }

    /// <summary>Accepted, or why the connection was refused.</summary>
    public MqttConnectReturnCode ReturnCode { get; }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.ConnAck;
}
