namespace Vigil.Mqtt.Protocol;

/// <summary>Topic names, the concrete topics PUBLISH packets carry (MQTT 3.1.1 §4.7).</summary>
/// <remarks>A topic name is a non-empty MQTT string (§1.5.3) without the wildcard characters '+' and '#' (§4.7.3, [MQTT-3.3.2-2]).</remarks>
public static class TopicName
{
    /// <summary>Why <paramref name="topic"/> is not a valid topic name, or null when it is.</summary>
    public static string? Check(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length == 0)
        {
            return "is empty";
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            return "contains a wildcard ('+' or '#')";
        }

        return MqttStrings.Check(topic);
    }

    /// <summary>Whether <paramref name="topic"/> is a valid topic name.</summary>
    public static bool IsValid(string topic) => Check(topic) is null;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when <paramref name="topic"/> is not a valid topic name.</summary>
    public static void Validate(string topic, string parameterName)
    {
        var problem = Check(topic);
        if (problem is not null)
        {
            throw new ArgumentException($"Topic name '{topic}' {problem} (MQTT 3.1.1 §4.7).", parameterName);
        }
    }
}

/// <summary>Topic filters, the patterns SUBSCRIBE and UNSUBSCRIBE carry, and their matching against topic names (MQTT 3.1.1 §4.7).</summary>
/// <remarks>
/// '/' separates levels; '+' matches exactly one level (possibly empty) and must fill its level; '#' matches the parent level and any
/// number of child levels and must be the last character, alone or after '/' (§4.7.1). Filters starting with a wildcard do not match
/// topic names starting with '$' (§4.7.2, [MQTT-4.7.2-1]).
/// </remarks>
public static class TopicFilter
{
    /// <summary>Why <paramref name="filter"/> is not a valid topic filter, or null when it is.</summary>
    public static string? Check(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length == 0)
        {
            return "is empty";
        }

        var span = filter.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '#')
            {
                if (i != span.Length - 1)
                {
                    return "has '#' before its end";
                }

                if (i > 0 && span[i - 1] != '/')
                {
                    return "has '#' that does not fill its level";
                }
            }
            else if (c == '+')
            {
                if ((i > 0 && span[i - 1] != '/') || (i < span.Length - 1 && span[i + 1] != '/'))
                {
                    return "has '+' that does not fill its level";
                }
            }
        }

        return MqttStrings.Check(filter);
    }

    /// <summary>Whether <paramref name="filter"/> is a valid topic filter.</summary>
    public static bool IsValid(string filter) => Check(filter) is null;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when <paramref name="filter"/> is not a valid topic filter.</summary>
    public static void Validate(string filter, string parameterName)
    {
        var problem = Check(filter);
        if (problem is not null)
        {
            throw new ArgumentException($"Topic filter '{filter}' {problem} (MQTT 3.1.1 §4.7.1).", parameterName);
        }
    }

    /// <summary>Whether <paramref name="filter"/> contains '+' or '#'.</summary>
    public static bool HasWildcards(ReadOnlySpan<char> filter) => filter.IndexOfAny('+', '#') >= 0;

    /// <summary>Whether the valid filter <paramref name="filter"/> matches the valid topic name <paramref name="topic"/>.</summary>
    /// <remarks>Allocation-free. Both arguments are assumed valid (see <see cref="Check"/> and <see cref="TopicName.Check"/>).</remarks>
    public static bool Matches(ReadOnlySpan<char> filter, ReadOnlySpan<char> topic)
    {
        if (filter.IsEmpty || topic.IsEmpty)
        {
            return false;
        }

        if (topic[0] == '$' && (filter[0] == '+' || filter[0] == '#'))
        {
            return false;
        }

        while (true)
        {
            var fEnd = filter.IndexOf('/');
            var fLevel = fEnd < 0 ? filter : filter[..fEnd];
            if (fLevel is "#")
            {
                return true;
            }

            var tEnd = topic.IndexOf('/');
            var tLevel = tEnd < 0 ? topic : topic[..tEnd];
            if (fLevel is not "+" && !fLevel.SequenceEqual(tLevel))
            {
                return false;
            }

            if (tEnd < 0)
            {
                // The topic has no more levels: only a trailing "/#" still matches (the parent level, §4.7.1.2).
                return fEnd < 0 || filter[(fEnd + 1)..] is "#";
            }

            if (fEnd < 0)
            {
                return false;
            }

            filter = filter[(fEnd + 1)..];
            topic = topic[(tEnd + 1)..];
        }
    }
}
