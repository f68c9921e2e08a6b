namespace Vigil.Data.Profiling;

/// <summary>The earliest and latest instant of a timestamp column.</summary>
/// <param name="Min">The earliest non-missing instant.</param>
/// <param name="Max">The latest non-missing instant.</param>
public sealed record TimestampRange(DateTimeOffset Min, DateTimeOffset Max);
