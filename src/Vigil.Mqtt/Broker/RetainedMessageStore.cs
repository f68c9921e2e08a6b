using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Broker;

/// <summary>The retained message of each topic (MQTT 3.1.1 §3.3.1.3), bounded in the number of topics. Thread-safe.</summary>
internal sealed class RetainedMessageStore(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PublishPacket> _messages = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="message"/> as its topic's retained message, replacing the previous one ([MQTT-3.3.1-5], [MQTT-3.3.1-7]),
    /// or deletes it when the payload is empty ([MQTT-3.3.1-10]). Returns false when a new topic did not fit under the capacity.
    /// </summary>
    public bool Set(PublishPacket message)
    {
        lock (_gate)
        {
            if (message.Payload.IsEmpty)
            {
                _messages.Remove(message.Topic);
                return true;
            }

            if (_messages.Count >= capacity && !_messages.ContainsKey(message.Topic))
            {
                return false;
            }

            _messages[message.Topic] = message;
            return true;
        }
    }

    /// <summary>The retained messages whose topic <paramref name="filter"/> matches (wildcards at the start skip '$' topics, [MQTT-4.7.2-1]).</summary>
    public List<PublishPacket> Matching(string filter)
    {
        var found = new List<PublishPacket>();
        lock (_gate)
        {
            if (!TopicFilter.HasWildcards(filter))
            {
                if (_messages.TryGetValue(filter, out var exact))
                {
                    found.Add(exact);
                }

                return found;
            }

            foreach (var (topic, message) in _messages)
            {
                if (TopicFilter.Matches(filter, topic))
                {
                    found.Add(message);
                }
            }
        }

        return found;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
