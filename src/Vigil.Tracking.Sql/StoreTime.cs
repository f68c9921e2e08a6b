namespace Vigil.Tracking.Sql;

/// <summary>The one timestamp precision every backend stores: UTC, whole milliseconds.</summary>
internal static class StoreTime
{
    /// <summary>The instant in UTC with sub-millisecond ticks dropped, exactly what a read returns.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
