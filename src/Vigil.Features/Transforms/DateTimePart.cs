namespace Vigil.Features.Transforms;

/// <summary>A calendar part that <c>datetime_parts</c> extracts from a UTC timestamp, in the output column suffix's words.</summary>
public enum DateTimePart
{
    /// <summary>The year, e.g. 2024 (suffix <c>_year</c>; never cyclic).</summary>
    Year,

    /// <summary>The month 1–12 (suffix <c>_month</c>; cyclic period 12).</summary>
    Month,

    /// <summary>The day of the month 1–31 (suffix <c>_day</c>; cyclic period = days in that month).</summary>
    Day,

    /// <summary>The weekday 0 = Monday … 6 = Sunday (suffix <c>_weekday</c>; cyclic period 7).</summary>
    Weekday,

    /// <summary>The hour 0–23 (suffix <c>_hour</c>; cyclic period 24).</summary>
    Hour,

    /// <summary>The day of the year 1–366 (suffix <c>_day_of_year</c>; cyclic period = days in that year).</summary>
    DayOfYear,
}
