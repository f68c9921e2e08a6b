namespace Vigil.Data.Frames;

/// <summary>The physical type of a <see cref="Column"/>.</summary>
public enum ColumnKind
{
    /// <summary>64-bit floating point; <see cref="double.NaN"/> marks a missing value.</summary>
    Float64,

    /// <summary>Dictionary-encoded text with few distinct values; code -1 marks a missing value.</summary>
    Categorical,

    /// <summary>True/false; a separate missing flag per row.</summary>
    Boolean,

    /// <summary>A UTC instant stored as ticks; <see cref="long.MinValue"/> marks a missing value.</summary>
    Timestamp,

    /// <summary>Free text; <see langword="null"/> marks a missing value.</summary>
    String,
}
