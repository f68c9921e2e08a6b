namespace Vigil.Features.Windows;

/// <summary>A statistic of a rolling window; missing (NaN) values inside the window are skipped.</summary>
public enum WindowStatistic
{
    /// <summary>The arithmetic mean of the non-missing values; output suffix <c>mean</c>.</summary>
    Mean,

    /// <summary>The sample standard deviation (divisor n − 1, as pandas' <c>rolling().std()</c>); NaN with fewer than two values; suffix <c>std</c>.</summary>
    Std,

    /// <summary>The smallest non-missing value; suffix <c>min</c>.</summary>
    Min,

    /// <summary>The largest non-missing value; suffix <c>max</c>.</summary>
    Max,

    /// <summary>The least-squares slope of value against position in the window (per row step); NaN with fewer than two values; suffix <c>slope</c>.</summary>
    Slope,
}
