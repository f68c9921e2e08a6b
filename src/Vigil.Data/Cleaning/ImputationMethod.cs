namespace Vigil.Data.Cleaning;

/// <summary>How <see cref="DataCleaner"/> fills a missing value.</summary>
public enum ImputationMethod
{
    /// <summary>Leave missing values as they are.</summary>
    None,

    /// <summary>The arithmetic mean of the training column's observed values (numeric columns only).</summary>
    Mean,

    /// <summary>The median of the training column's observed values (numeric columns only).</summary>
    Median,

    /// <summary>The most frequent observed training value; ties go to the smallest value (ordinal order for text).</summary>
    Mode,

    /// <summary>A fixed value given in the <see cref="ImputationRule"/>.</summary>
    Constant,

    /// <summary>Linear interpolation between the nearest observed values of the same group's series, ordered by the time column (numeric columns only).</summary>
    LinearInterpolation,

    /// <summary>The last observed value earlier in the same group's series, ordered by the time column.</summary>
    ForwardFill,
}
