using System.Globalization;

namespace Vigil.Serving.Logging;

/// <summary>
/// Issues prediction ids: unique per host, ordered by time, and deterministic under a fake clock. An id is
/// <c>&lt;12 hex digits: Unix milliseconds&gt;-&lt;10 hex digits: per-host sequence&gt;</c>, e.g. <c>019b7a1c2e00-0000000001</c>,
/// with <c>-&lt;instance&gt;</c> appended when several hosts write ids (one instance name per replica). Ids from one host sort
/// (ordinally) in issue order: the millisecond part never goes backwards even if the wall clock does, and the sequence breaks
/// ties. The time part is the timestamp of the log entry, so an id alone locates its day's log file.
/// </summary>
public sealed class PredictionIds
{
    private readonly TimeProvider _time;
    private readonly string _suffix;
    private long _sequence;
    private long _lastMilliseconds;

    /// <summary>Creates a generator on <paramref name="time"/>.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="instance">The replica's name (letters, digits, '_' or '.', up to 32 characters), or null for a single host.</param>
    /// <exception cref="ArgumentException">The instance name is invalid.</exception>
    public PredictionIds(TimeProvider time, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (instance is not null && (instance.Length is 0 or > 32 || !instance.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')))
        {
            throw new ArgumentException($"The instance name '{instance}' must be 1–32 letters, digits, '_' or '.'.", nameof(instance));
        }

        _time = time;
        _suffix = instance is null ? string.Empty : "-" + instance;
    }

    /// <summary>The next id and the timestamp it encodes (to the millisecond).</summary>
    public PredictionId Next()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        long ms;
        var last = Volatile.Read(ref _lastMilliseconds);
        while (true)
        {
            ms = Math.Max(now, last);
            var seen = Interlocked.CompareExchange(ref _lastMilliseconds, ms, last);
            if (seen == last)
            {
                break;
            }

            last = seen;
        }

        var sequence = Interlocked.Increment(ref _sequence);
        var value = string.Create(CultureInfo.InvariantCulture, $"{ms:x12}-{sequence:x10}{_suffix}");
        return new PredictionId(value, DateTimeOffset.FromUnixTimeMilliseconds(ms));
    }

    /// <summary>The timestamp an id encodes, or false when <paramref name="id"/> is not a prediction id.</summary>
    public static bool TryGetTimestamp(string? id, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (id is null || id.Length < 23 || id[12] != '-'
            || !long.TryParse(id.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ms)
            || ms < 0 || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }
}

/// <summary>One prediction id and the time it was issued.</summary>
/// <param name="Value">The id text.</param>
/// <param name="Timestamp">When it was issued (Unix milliseconds precision); use it as the log entry's timestamp.</param>
public readonly record struct PredictionId(string Value, DateTimeOffset Timestamp)
{
    /// <summary>The id text.</summary>
    public override string ToString() => Value;
}
