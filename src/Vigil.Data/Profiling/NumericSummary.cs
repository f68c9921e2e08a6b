namespace Vigil.Data.Profiling;

/// <summary>
/// Summary statistics of the non-missing values of a numeric column. Values that are not finite
/// (for instance the standard deviation of a single value) are null so that JSON stays valid.
/// </summary>
public sealed record NumericSummary
{
    /// <summary>The smallest value.</summary>
    public double? Min { get; init; }

    /// <summary>The largest value.</summary>
    public double? Max { get; init; }

    /// <summary>The arithmetic mean.</summary>
    public double? Mean { get; init; }

    /// <summary>The sample standard deviation, sqrt(Σ(x−mean)²/(n−1)) (numpy's std with ddof=1); null when n &lt; 2.</summary>
    public double? Std { get; init; }

    /// <summary>The 5th percentile (linear interpolation, see <see cref="P50"/>).</summary>
    public double? P05 { get; init; }

    /// <summary>The 25th percentile (linear interpolation, see <see cref="P50"/>).</summary>
    public double? P25 { get; init; }

    /// <summary>The median: numpy's default "linear" method, x[⌊h⌋] + (h−⌊h⌋)(x[⌊h⌋+1]−x[⌊h⌋]) with h = (n−1)p on sorted values (Hyndman &amp; Fan 1996, definition 7).</summary>
    public double? P50 { get; init; }

    /// <summary>The 75th percentile (linear interpolation, see <see cref="P50"/>).</summary>
    public double? P75 { get; init; }

    /// <summary>The 95th percentile (linear interpolation, see <see cref="P50"/>).</summary>
    public double? P95 { get; init; }

    /// <summary>The number of values exactly equal to zero.</summary>
    public long ZeroCount { get; init; }
}
