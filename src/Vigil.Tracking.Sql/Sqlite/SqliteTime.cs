using System.Globalization;

namespace Vigil.Tracking.Sql.Sqlite;

/// <summary>Timestamps as ISO-8601 UTC text with millisecond precision, which sorts as text and round-trips exactly.</summary>
internal static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The instant in UTC with sub-millisecond ticks dropped, exactly what a read returns.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>Formats the instant as stored text.</summary>
    public static string ToText(DateTimeOffset value) =>
        Truncate(value).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses stored text back into a UTC instant.</summary>
    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
