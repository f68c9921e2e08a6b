namespace Vigil.Mqtt.Protocol;

/// <summary>The last will a client leaves with the server in CONNECT (MQTT 3.1.1 §3.1.2.5-§3.1.2.7).</summary>
/// <remarks>The server publishes it when the network connection closes without a DISCONNECT packet.</remarks>
public sealed record MqttWill
{
    /// <summary>Creates a will; <paramref name="topic"/> must be a valid topic name.</summary>
    public MqttWill(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false)
    {
        TopicName.Validate(topic, nameof(topic));
        MqttPacket.ValidateQos(qos, nameof(qos));
        if (payload.Length > ushort.MaxValue)
        {
            throw new ArgumentException("A will payload carries a 16-bit length: at most 65,535 bytes.", nameof(payload));
        }

        Topic = topic;
        Payload = payload;
        Qos = qos;
        Retain = retain;
    }

    /// <summary>The topic the will is published to.</summary>
    public string Topic { get; }

    /// <summary>The will message body.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The QoS the will is published with.</summary>
    public MqttQualityOfService Qos { get; }

    /// <summary>Whether the will is published as a retained message.</summary>
    public bool Retain { get; }

    /// <inheritdoc/>
    public bool Equals(MqttWill? other) =>
        other is not null && Topic == other.Topic && Qos == other.Qos && Retain == other.Retain && MqttPacket.PayloadEquals(Payload, other.Payload);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Topic, Qos, Retain, MqttPacket.PayloadHash(Payload));
}

/// <summary>CONNECT (MQTT 3.1.1 §3.1): the first packet a client sends; protocol name "MQTT", level 4.</summary>
public sealed record ConnectPacket : MqttPacket
{
    /// <summary>The protocol level of MQTT 3.1.1.</summary>
    public const byte ProtocolLevel = 4;

    /// <summary>Creates a CONNECT packet.</summary>
    /// <param name="clientId">The client identifier; may be empty only with a clean session ([MQTT-3.1.3-7]).</param>
    /// <param name="cleanSession">Whether the server discards any previous session and starts a new one.</param>
    /// <param name="keepAliveSeconds">The longest silence, in seconds, the client promises; 0 turns keep-alive off.</param>
    /// <param name="will">The last will, or null.</param>
    /// <param name="userName">The user name, or null.</param>
    /// <param name="password">The password bytes, or null; requires a user name ([MQTT-3.1.2-22]).</param>
    public ConnectPacket(
        string clientId, bool cleanSession = true, ushort keepAliveSeconds = 60, MqttWill? will = null, string? userName = null, ReadOnlyMemory<byte>? password = null)
    {
        MqttStrings.Validate(clientId, nameof(clientId));
        if (clientId.Length == 0 && !cleanSession)
        {
            throw new ArgumentException("An empty client identifier requires a clean session (MQTT 3.1.1 [MQTT-3.1.3-7]).", nameof(clientId));
        }

        if (userName is not null)
        {
            MqttStrings.Validate(userName, nameof(userName));
        }

        if (password is { } p)
        {
            if (userName is null)
            {
                throw new ArgumentException("A password requires a user name (MQTT 3.1.1 [MQTT-3.1.2-22]).", nameof(password));
            }

            if (p.Length > ushort.MaxValue)
            {
                throw new ArgumentException("A password carries a 16-bit length: at most 65,535 bytes.", nameof(password));
            }
        }

        ClientId = clientId;
        CleanSession = cleanSession;
        KeepAliveSeconds = keepAliveSeconds;
        Will = will;
        UserName = userName;
        Password = password;
    }

    /// <summary>The client identifier.</summary>
    public string ClientId { get; }

    /// <summary>Whether the session is discarded at connect and disconnect.</summary>
    public bool CleanSession { get; }

    /// <summary>The keep-alive interval in seconds; 0 means none.</summary>
    public ushort KeepAliveSeconds { get; }

    /// <summary>The last will, or null.</summary>
    public MqttWill? Will { get; }

    /// <summary>The user name, or null.</summary>
    public string? UserName { get; }

    /// <summary>The password, or null.</summary>
    public ReadOnlyMemory<byte>? Password { get; }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.Connect;

    /// <inheritdoc/>
    public bool Equals(ConnectPacket? other) =>
        other is not null && ClientId == other.ClientId && CleanSession == other.CleanSession && KeepAliveSeconds == other.KeepAliveSeconds
        && Equals(Will, other.Will) && UserName == other.UserName && Password.HasValue == other.Password.HasValue
        && (!Password.HasValue || PayloadEquals(Password.Value, other.Password!.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ClientId, CleanSession, KeepAliveSeconds, Will, UserName, Password.HasValue);

    /// <inheritdoc/>
    public override string ToString() =>
        $"CONNECT {{ ClientId = {ClientId}, CleanSession = {CleanSession}, KeepAlive = {KeepAliveSeconds}s, Will = {Will?.Topic}, UserName = {UserName}, Password = {(Password.HasValue ? "***" : "none")} }}";
}

/// <summary>PUBLISH (MQTT 3.1.1 §3.3): an application message travelling in either direction.</summary>
public sealed record PublishPacket : MqttPacket
{
    /// <summary>Creates a PUBLISH packet.</summary>
    /// <param name="topic">A valid topic name (no wildcards).</param>
    /// <param name="payload">The application message; may be empty.</param>
    /// <param name="qos">The QoS of this delivery.</param>
    /// <param name="retain">The RETAIN flag: store as the topic's retained message (client to server), or a retained message (server to client).</param>
    /// <param name="dup">The DUP flag: this is a redelivery; must be false for QoS 0 ([MQTT-3.3.1-2]).</param>
    /// <param name="packetId">Non-zero for QoS 1 and 2, zero for QoS 0 ([MQTT-2.3.1-5]).</param>
    public PublishPacket(
        string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, bool dup = false, ushort packetId = 0)
    {
        TopicName.Validate(topic, nameof(topic));
        ValidateQos(qos, nameof(qos));
        if (qos == MqttQualityOfService.AtMostOnce)
        {
            if (packetId != 0)
            {
                throw new ArgumentException("A QoS 0 PUBLISH carries no packet identifier (MQTT 3.1.1 [MQTT-2.3.1-5]).", nameof(packetId));
            }

            if (dup)
            {
                throw new ArgumentException("DUP must be 0 on a QoS 0 PUBLISH (MQTT 3.1.1 [MQTT-3.3.1-2]).", nameof(dup));
            }
        }
        else
        {
            ValidatePacketId(packetId, nameof(packetId));
        }

        Topic = topic;
        Payload = payload;
        Qos = qos;
        Retain = retain;
        Dup = dup;
        PacketId = packetId;
    }

    private PublishPacket(PublishPacket source, ushort packetId, bool dup)
    {
        Topic = source.Topic;
        Payload = source.Payload;
        Qos = source.Qos;
        Retain = source.Retain;
        Dup = dup;
        PacketId = packetId;
    }

    /// <summary>The topic name.</summary>
    public string Topic { get; }

    /// <summary>The application message.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The QoS of this delivery.</summary>
    public MqttQualityOfService Qos { get; }

    /// <summary>The RETAIN flag.</summary>
    public bool Retain { get; }

    /// <summary>The DUP flag: a possible redelivery of an earlier attempt.</summary>
    public bool Dup { get; }

    /// <summary>The packet identifier; 0 for QoS 0.</summary>
    public ushort PacketId { get; }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.Publish;

    /// <summary>A copy with another packet identifier and DUP flag (QoS 1 and 2 only).</summary>
    public PublishPacket WithDelivery(ushort packetId, bool dup)
    {
        if (Qos == MqttQualityOfService.AtMostOnce)
        {
            throw new InvalidOperationException("QoS 0 messages carry no packet identifier and no DUP flag.");
        }

        ValidatePacketId(packetId, nameof(packetId));
        return new PublishPacket(this, packetId, dup);
    }

    /// <summary>A copy with another RETAIN flag (a server clears it when forwarding to established subscriptions, §3.3.1.3).</summary>
    public PublishPacket WithRetain(bool retain) =>
        retain == Retain ? this : new PublishPacket(Topic, Payload, Qos, retain, Dup, PacketId);

    /// <inheritdoc/>
    public bool Equals(PublishPacket? other) =>
        other is not null && Topic == other.Topic && Qos == other.Qos && Retain == other.Retain && Dup == other.Dup && PacketId == other.PacketId
        && PayloadEquals(Payload, other.Payload);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Topic, Qos, Retain, Dup, PacketId, PayloadHash(Payload));

    /// <inheritdoc/>
    public override string ToString() =>
        $"PUBLISH {{ Topic = {Topic}, Qos = {(int)Qos}, Retain = {Retain}, Dup = {Dup}, PacketId = {PacketId}, Payload = {Payload.Length} bytes }}";
}
