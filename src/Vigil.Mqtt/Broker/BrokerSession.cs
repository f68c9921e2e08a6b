using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Broker;

/// <summary>A message waiting in a session's queue, with the QoS it will be delivered at.</summary>
internal readonly record struct QueuedMessage(PublishPacket Message, MqttQualityOfService Qos);

/// <summary>
/// The server side of an MQTT 3.1.1 session (§4.1): subscriptions, the bounded queue of messages not yet sent, outgoing QoS 1
/// messages sent but not acknowledged, and incoming QoS 2 identifiers not yet released. Lives as long as its connection for a
/// clean session, and in memory across connections for a persistent one.
/// </summary>
/// <remarks>
/// Thread-safety: everything is guarded by <see cref="Gate"/>, except <see cref="MatchQos"/>, which reads an immutable snapshot of the
/// subscriptions so that routing never takes the lock of a session the message does not match.
/// </remarks>
internal sealed class BrokerSession
{
    private readonly LinkedList<QueuedMessage> _queue = new();
    private readonly OrderedDictionary<ushort, PublishPacket> _inflight = [];
    private readonly HashSet<ushort> _incomingQos2 = [];
    private readonly Dictionary<string, MqttQualityOfService> _subscriptions = new(StringComparer.Ordinal);
    private readonly int _maxQueued;
    private readonly int _maxInflight;
    private KeyValuePair<string, MqttQualityOfService>[] _subscriptionSnapshot = [];
    private int _queuedQos0;
    private ushort _lastPacketId;

    public BrokerSession(string clientId, bool cleanSession, int maxQueued, int maxInflight)
    {
        ClientId = clientId;
        CleanSession = cleanSession;
        _maxQueued = maxQueued;
        _maxInflight = maxInflight;
    }

    /// <summary>Guards the session's state.</summary>
    public Lock Gate { get; } = new();

    public string ClientId { get; }

    /// <summary>Whether the session ends with its connection (CleanSession = 1, [MQTT-3.1.2-6]).</summary>
    public bool CleanSession { get; }

    /// <summary>The connection currently attached, or null while a persistent session is offline. Guarded by <see cref="Gate"/>.</summary>
    public BrokerConnection? Connection { get; set; }

    /// <summary>Messages dropped from this session's full queue.</summary>
    public long Dropped { get; private set; }

    /// <summary>The number of subscribed topic filters.</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptionSnapshot).Length;

    /// <summary>Messages waiting to be sent (excludes in-flight ones).</summary>
    public int QueuedCount
    {
        get
        {
            lock (Gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Outgoing QoS 1 messages sent and not yet acknowledged.</summary>
    public int InflightCount
    {
        get
        {
            lock (Gate)
            {
                return _inflight.Count;
            }
        }
    }

    /// <summary>
    /// The highest QoS among this session's subscriptions matching <paramref name="topic"/>, or null when none matches. Overlapping
    /// subscriptions thus yield one delivery at their maximum QoS (MQTT 3.1.1 §3.3.5, non-normative comment allows either).
    /// </summary>
    public MqttQualityOfService? MatchQos(string topic)
    {
        var best = -1;
        foreach (var (filter, qos) in Volatile.Read(ref _subscriptionSnapshot))
        {
            if ((int)qos > best && TopicFilter.Matches(filter, topic))
            {
                best = (int)qos;
            }
        }

        return best < 0 ? null : (MqttQualityOfService)best;
    }

    /// <summary>Adds or replaces a subscription ([MQTT-3.8.4-3]: an identical filter replaces the existing one).</summary>
    public void Subscribe(string filter, MqttQualityOfService qos)
    {
        lock (Gate)
        {
            _subscriptions[filter] = qos;
            Volatile.Write(ref _subscriptionSnapshot, [.. _subscriptions]);
        }
    }

    /// <summary>Removes a subscription; unknown filters are ignored ([MQTT-3.10.4-1]: filters are compared character by character).</summary>
    public void Unsubscribe(string filter)
    {
        lock (Gate)
        {
            if (_subscriptions.Remove(filter))
            {
                Volatile.Write(ref _subscriptionSnapshot, [.. _subscriptions]);
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/> for delivery at <paramref name="qos"/> and wakes the attached connection. QoS 0 messages are
    /// not queued for an offline session (MQTT 3.1.1 §3.1.2.4 makes that optional). When the queue is full the oldest QoS 0 message
    /// is dropped; with none, a new QoS 0 message is dropped itself, else the oldest QoS 1 message.
    /// </summary>
    /// <returns>How many messages were dropped (0 or 1).</returns>
    public int Enqueue(PublishPacket message, MqttQualityOfService qos)
    {
        BrokerConnection? wake;
        var dropped = 0;
        lock (Gate)
        {
            wake = Connection;
            if (wake is null && qos == MqttQualityOfService.AtMostOnce)
            {
                return 0;
            }

            if (_queue.Count >= _maxQueued)
            {
                dropped = 1;
                Dropped++;
                if (_queuedQos0 > 0)
                {
                    var node = _queue.First;
                    while (node!.Value.Qos != MqttQualityOfService.AtMostOnce)
                    {
                        node = node.Next;
                    }

                    _queue.Remove(node);
                    _queuedQos0--;
                }
                else if (qos == MqttQualityOfService.AtMostOnce)
                {
                    return dropped;
                }
                else
                {
                    _queue.RemoveFirst();
                }
            }

            _queue.AddLast(new QueuedMessage(message, qos));
            if (qos == MqttQualityOfService.AtMostOnce)
            {
                _queuedQos0++;
            }
        }

        wake?.Wake();
        return dropped;
    }

    /// <summary>
    /// Moves messages from the queue to <paramref name="output"/> for <paramref name="connection"/> to write: first, when
    /// <paramref name="resendInflight"/>, every unacknowledged QoS 1 message again with DUP set and its original packet identifier
    /// ([MQTT-4.4.0-1]); then queued messages while the in-flight window has room and the batch is under <paramref name="maxBytes"/>.
    /// </summary>
    /// <returns>False when <paramref name="connection"/> is no longer this session's connection (it was taken over).</returns>
    public bool TakeForSending(BrokerConnection connection, List<PublishPacket> output, int maxBytes, bool resendInflight)
    {
        lock (Gate)
        {
            if (Connection != connection)
            {
                return false;
            }

            var bytes = 0;
            if (resendInflight)
            {
                foreach (var (id, packet) in _inflight)
                {
                    output.Add(packet.Dup ? packet : packet.WithDelivery(id, dup: true));
                    bytes += packet.Payload.Length + packet.Topic.Length;
                }
            }

            while (bytes < maxBytes && _queue.First is { } node)
            {
                var queued = node.Value;
                PublishPacket packet;
                if (queued.Qos == MqttQualityOfService.AtMostOnce)
                {
                    packet = ToDelivery(queued, 0);
                    _queuedQos0--;
                }
                else
                {
                    if (_inflight.Count >= _maxInflight)
                    {
                        break;
                    }

                    var id = NextPacketId();
                    packet = ToDelivery(queued, id);
                    _inflight.Add(id, packet);
                }

                _queue.RemoveFirst();
                output.Add(packet);
                bytes += packet.Payload.Length + packet.Topic.Length;
            }

            return true;
        }
    }

    /// <summary>Handles a PUBACK: frees the in-flight slot. Returns false for an identifier that was not in flight.</summary>
    public bool Acknowledge(ushort packetId)
    {
        lock (Gate)
        {
            return _inflight.Remove(packetId);
        }
    }

    /// <summary>Records an incoming QoS 2 PUBLISH; false when its identifier is already held (a redelivery not to route again).</summary>
    public bool BeginIncomingQos2(ushort packetId)
    {
        lock (Gate)
        {
            return _incomingQos2.Add(packetId);
        }
    }

    /// <summary>Handles a PUBREL: forgets the incoming QoS 2 identifier.</summary>
    public void ReleaseIncomingQos2(ushort packetId)
    {
        lock (Gate)
        {
            _incomingQos2.Remove(packetId);
        }
    }

    private static PublishPacket ToDelivery(QueuedMessage queued, ushort packetId)
    {
        var source = queued.Message;
        if (queued.Qos == source.Qos)
        {
            return queued.Qos == MqttQualityOfService.AtMostOnce ? source : source.WithDelivery(packetId, dup: false);
        }

        // Downgraded to the subscription's maximum QoS (§3.8.4): a fresh packet with the new QoS and identifier.
        return new PublishPacket(source.Topic, source.Payload, queued.Qos, source.Retain, dup: false, packetId);
    }

    private ushort NextPacketId()
    {
        // The window is below 65,536, so a free identifier always exists ([MQTT-2.3.1-2]: not reused while in flight).
        do
        {
            _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
        }
        while (_inflight.ContainsKey(_lastPacketId));

        return _lastPacketId;
    }
}
