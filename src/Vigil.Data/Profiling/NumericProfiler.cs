using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Profiling;

/// <summary>Profiles a <see cref="Float64Column"/>: one sort of the non-missing values gives min, max, quantiles and the exact distinct count.</summary>
internal static class NumericProfiler
{
    /// <summary>The profile of <paramref name="column"/>; NaN is missing.</summary>
    public static ColumnProfile Profile(Float64Column column)
    {
        var values = column.Values;
        var sorted = new double[values.Length];
        var n = 0;
        long zeros = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            sorted[n++] = v;
            if (v == 0)
            {
                zeros++;
            }
        }

        Array.Resize(ref sorted, n);
        Array.Sort(sorted);
        var distinct = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        var missing = values.Length - n;
        return new ColumnProfile
        {
            Name = column.Name,
            Kind = column.Kind,
            Count = n,
            MissingCount = missing,
            MissingPercent = values.Length == 0 ? 0 : 100.0 * missing / values.Length,
            DistinctCount = distinct,
            Numeric = n == 0 ? new NumericSummary() : Summarize(sorted, zeros),
        };
    }

    /// <summary>
    /// The p-quantile of ascending <paramref name="sorted"/> values by linear interpolation between closest ranks:
    /// h = (n−1)p, Q = x[⌊h⌋] + (h−⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]); numpy.quantile's default "linear" method
    /// (Hyndman, R. J. &amp; Fan, Y. (1996), "Sample quantiles in statistical packages", definition 7).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static NumericSummary Summarize(double[] sorted, long zeros)
    {
        var n = sorted.Length;
        var sum = 0.0;
        foreach (var v in sorted)
        {
            sum += v;
        }

        var mean = sum / n;
        double? std = null;
        if (n > 1)
        {
            // Two-pass sample variance with Bessel's correction (divide by n − 1).
            var squares = 0.0;
            foreach (var v in sorted)
            {
                squares += (v - mean) * (v - mean);
            }

            std = NumberText.Finite(Math.Sqrt(squares / (n - 1)));
        }

        return new NumericSummary
        {
            Min = NumberText.Finite(sorted[0]),
            Max = NumberText.Finite(sorted[^1]),
            Mean = NumberText.Finite(mean),
            Std = std,
            P05 = NumberText.Finite(Quantile(sorted, 0.05)),
            P25 = NumberText.Finite(Quantile(sorted, 0.25)),
            P50 = NumberText.Finite(Quantile(sorted, 0.50)),
            P75 = NumberText.Finite(Quantile(sorted, 0.75)),
            P95 = NumberText.Finite(Quantile(sorted, 0.95)),
            ZeroCount = zeros,
        };
    }
}
