using System.Collections.Immutable;

namespace Vigil.Mqtt.Protocol;

/// <summary>One SUBSCRIBE entry: a topic filter and the maximum QoS requested for it (MQTT 3.1.1 §3.8.3).</summary>
public readonly record struct MqttSubscription
{
    /// <summary>Creates an entry; <paramref name="topicFilter"/> must be a valid topic filter.</summary>
    public MqttSubscription(string topicFilter, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce)
    {
        TopicFilter.Validate(topicFilter, nameof(topicFilter));
        MqttPacket.ValidateQos(qos, nameof(qos));
        Filter = topicFilter;
        Qos = qos;
    }

    /// <summary>The topic filter.</summary>
    public string Filter { get; }

    /// <summary>The requested maximum QoS.</summary>
    public MqttQualityOfService Qos { get; }
}

/// <summary>SUBSCRIBE (MQTT 3.1.1 §3.8): at least one topic filter with its requested QoS; fixed-header flags 0b0010.</summary>
public sealed record SubscribePacket : MqttPacket
{
    /// <summary>Creates a SUBSCRIBE packet with a non-zero identifier and at least one entry ([MQTT-3.8.3-3]).</summary>
    public SubscribePacket(ushort packetId, IEnumerable<MqttSubscription> subscriptions)
    {
        ValidatePacketId(packetId, nameof(packetId));
        ArgumentNullException.ThrowIfNull(subscriptions);
        var list = subscriptions.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("SUBSCRIBE needs at least one topic filter (MQTT 3.1.1 [MQTT-3.8.3-3]).", nameof(subscriptions));
        }

        foreach (var s in list)
        {
            if (s.Filter is null)
            {
                throw new ArgumentException("A default MqttSubscription has no filter.", nameof(subscriptions));
            }
        }

        PacketId = packetId;
        Subscriptions = list;
    }

    /// <summary>The packet identifier.</summary>
    public ushort PacketId { get; }

    /// <summary>The requested subscriptions, in order.</summary>
    public ImmutableArray<MqttSubscription> Subscriptions { get; }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.Subscribe;

    /// <inheritdoc/>
    public bool Equals(SubscribePacket? other) =>
        other is not null && PacketId == other.PacketId && Subscriptions.SequenceEqual(other.Subscriptions);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PacketId, Subscriptions.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        $"SUBSCRIBE {{ PacketId = {PacketId}, [{string.Join(", ", Subscriptions.Select(s => $"{s.Filter}@{(int)s.Qos}"))}] }}";
}

/// <summary>SUBACK (MQTT 3.1.1 §3.9): one return code per SUBSCRIBE entry, in order.</summary>
public sealed record SubAckPacket : MqttPacket
{
    /// <summary>Creates a SUBACK; every code must be 0, 1, 2 or 0x80.</summary>
    public SubAckPacket(ushort packetId, IEnumerable<MqttSubscribeReturnCode> returnCodes)
    {
        ValidatePacketId(packetId, nameof(packetId));
        ArgumentNullException.ThrowIfNull(returnCodes);
        var list = returnCodes.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("SUBACK needs at least one return code.", nameof(returnCodes));
        }

        foreach (var code in list)
        {
            if ((byte)code > 2 && code != MqttSubscribeReturnCode.Failure)
            {
                throw new ArgumentOutOfRangeException(nameof(returnCodes), code, "SUBACK return codes are 0, 1, 2 or 0x80 (MQTT 3.1.1 [MQTT-3.9.3-2]).");
            }
        }

        PacketId = packetId;
        ReturnCodes = list;
    }

    /// <summary>The identifier of the acknowledged SUBSCRIBE.</summary>
    public ushort PacketId { get; }

    /// <summary>The granted QoS (or failure) of each requested filter, in order.</summary>
    public ImmutableArray<MqttSubscribeReturnCode> ReturnCodes { get; }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.SubAck;

    /// <inheritdoc/>
    public bool Equals(SubAckPacket? other) =>
        other is not null && PacketId == other.PacketId && ReturnCodes.SequenceEqual(other.ReturnCodes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PacketId, ReturnCodes.Length);

    /// <inheritdoc/>
    public override string ToString() => $"SUBACK {{ PacketId = {PacketId}, [{string.Join(", ", ReturnCodes)}] }}";
}

/// <summary>UNSUBSCRIBE (MQTT 3.1.1 §3.10): at least one topic filter to remove; fixed-header flags 0b0010.</summary>
public sealed record UnsubscribePacket : MqttPacket
{
    /// <summary>Creates an UNSUBSCRIBE packet with a non-zero identifier and at least one valid filter ([MQTT-3.10.3-2]).</summary>
    public UnsubscribePacket(ushort packetId, IEnumerable<string> topicFilters)
    {
        ValidatePacketId(packetId, nameof(packetId));
        ArgumentNullException.ThrowIfNull(topicFilters);
        var list = topicFilters.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("UNSUBSCRIBE needs at least one topic filter (MQTT 3.1.1 [MQTT-3.10.3-2]).", nameof(topicFilters));
        }

        foreach (var filter in list)
        {
            TopicFilter.Validate(filter, nameof(topicFilters));
        }

        PacketId = packetId;
        TopicFilters = list;
    }

    /// <summary>The packet identifier.</summary>
    public ushort PacketId { get; }

    /// <summary>The filters to remove, in order.</summary>
    public ImmutableArray<string> TopicFilters { get; }

    /// <inheritdoc/>
    public override MqttPacketType Type => MqttPacketType.Unsubscribe;

    /// <inheritdoc/>
    public bool Equals(UnsubscribePacket? other) =>
        other is not null && PacketId == other.PacketId && TopicFilters.SequenceEqual(other.TopicFilters);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PacketId, TopicFilters.Length);

    /// <inheritdoc/>
    public override string ToString() => $"UNSUBSCRIBE {{ PacketId = {PacketId}, [{string.Join(", ", TopicFilters)}] }}";
}
