using System.Text.Json.Serialization;
using Vigil.Data.Frames;

namespace Vigil.Data.Profiling;

/// <summary>The profile of one column: completeness, cardinality and a kind-specific summary.</summary>
public sealed record ColumnProfile
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>The column's physical type.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>The number of non-missing values.</summary>
    public required long Count { get; init; }

    /// <summary>The number of missing values.</summary>
    public required long MissingCount { get; init; }

    /// <summary>Missing values as a percentage of rows (0–100); 0 for an empty frame.</summary>
    public required double MissingPercent { get; init; }

    /// <summary>The exact number of distinct non-missing values.</summary>
    public required long DistinctCount { get; init; }

    /// <summary>Numeric statistics, for <see cref="ColumnKind.Float64"/> columns only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NumericSummary? Numeric { get; init; }

    /// <summary>The most frequent values, most frequent first and ties in ordinal order of value, for categorical, string and boolean columns.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ValueCount>? TopValues { get; init; }

    /// <summary>The earliest and latest instant, for timestamp columns with at least one value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimestampRange? Timestamps { get; init; }
}
