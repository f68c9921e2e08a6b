namespace Vigil.Tracking;

/// <summary>Timestamps in tracking and registry entities: Unix epoch milliseconds (UTC), as in MLflow.</summary>
public static class TrackingTime
{
    /// <summary>The current time of <paramref name="time"/> in Unix epoch milliseconds.</summary>
    public static long NowMilliseconds(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>The UTC instant of a Unix epoch millisecond timestamp.</summary>
    public static DateTimeOffset ToDateTimeOffset(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
