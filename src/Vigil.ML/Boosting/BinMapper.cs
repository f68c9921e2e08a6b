namespace Vigil.ML.Boosting;

/// <summary>
/// Per-feature quantile bins (Ke et al. 2017, LightGBM; Chen and Guestrin 2016, §3.3): at most
/// <c>maxBins</c> value bins per feature, bounded above by thresholds half-way between neighbouring
/// distinct values, plus one bin of its own for NaN (the last code of the feature).
/// </summary>
internal sealed class BinMapper
{
    /// <summary>Above this many rows the bin bounds are computed from a seeded sample (LightGBM's bin_construct_sample_cnt).</summary>
    public const int SampleRows = 200_000;

    private readonly double[][] _upper;

    private BinMapper(double[][] upper)
    {
        _upper = upper;
        Offsets = new int[upper.Length + 1];
        for (var f = 0; f < upper.Length; f++)
        {
            Offsets[f + 1] = Offsets[f] + upper[f].Length + 1;
        }
    }

    public int FeatureCount => _upper.Length;

    /// <summary>Histogram offset of each feature's first bin; the last entry is the total bin count (NaN bins included).</summary>
    public int[] Offsets { get; }

    public int TotalBins => Offsets[^1];

    /// <summary>The number of value bins of <paramref name="feature"/>; its NaN bin has this code.</summary>
    public int ValueBins(int feature) => _upper[feature].Length;

    /// <summary>The raw threshold of "bin ≤ <paramref name="bin"/>": x ≤ threshold exactly when x falls in bins 0..bin.</summary>
    public double Threshold(int feature, int bin) => _upper[feature][bin];

    public static BinMapper Fit(FeatureMatrix features, int maxBins, int seed, ParallelOptions parallel)
    {
        var n = features.RowCount;
        var width = features.ColumnCount;
        int[]? sample = null;
        if (n > SampleRows)
        {
            sample = new int[n];
            for (var i = 0; i < n; i++)
            {
                sample[i] = i;
            }

            var random = new Random(seed);
            for (var i = 0; i < SampleRows; i++)
            {
                var j = random.Next(i, n);
                (sample[i], sample[j]) = (sample[j], sample[i]);
            }

            Array.Sort(sample, 0, SampleRows);
        }

        var count = sample is null ? n : SampleRows;
        var upper = new double[width][];
        Parallel.For(0, width, parallel, f =>
        {
            var values = features.Values;
            var buffer = new double[count];
            var m = 0;
            for (var i = 0; i < count; i++)
            {
                var v = values[((sample is null ? i : sample[i]) * width) + f];
                if (!double.IsNaN(v))
                {
                    buffer[m++] = v;
                }
            }

            upper[f] = Bounds(buffer.AsSpan(0, m), maxBins);
        });

        return new BinMapper(upper);
    }

    internal static BinMapper FromBounds(double[][] upper) => new(upper);

    /// <summary>Codes every value column-major (feature after feature), features in parallel.</summary>
    public BinnedMatrix Transform(FeatureMatrix features, ParallelOptions parallel)
    {
        var n = features.RowCount;
        var width = features.ColumnCount;
        var codes = new byte[(long)n * width];
        Parallel.For(0, width, parallel, f =>
        {
            var values = features.Values;
            var upper = _upper[f];
            var column = codes.AsSpan(f * n, n);
            for (var r = 0; r < n; r++)
            {
                column[r] = Code(upper, values[(r * width) + f]);
            }
        });
        return new BinnedMatrix(codes, n, width);
    }

    /// <summary>The bin code of one value: the first bin whose upper bound is ≥ the value, or the NaN bin.</summary>
    public static byte Code(double[] upper, double value)
    {
        if (double.IsNaN(value))
        {
            return (byte)upper.Length;
        }

        // Branch-free lower bound: the answer stays in [b, b + n); the last bound is +∞, so one always exists.
        int b = 0, n = upper.Length;
        while (n > 1)
        {
            var half = n >> 1;
            b = upper[b + half - 1] < value ? b + half : b;
            n -= half;
        }

        return (byte)b;
    }

    /// <summary>Upper bounds of at most <paramref name="maxBins"/> bins of roughly equal counts; the last bound is +∞.</summary>
    internal static double[] Bounds(Span<double> values, int maxBins)
    {
        if (values.Length == 0)
        {
            return [double.PositiveInfinity];
        }

        values.Sort();
        var distinct = 1;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] != values[i - 1])
            {
                distinct++;
            }
        }

        var bounds = new List<double>(Math.Min(distinct, maxBins));
        double cumulative = 0, target = values.Length / (double)maxBins;
        for (var i = 0; i < values.Length;)
        {
            var j = i;
            while (j < values.Length && values[j] == values[i])
            {
                j++;
            }

            cumulative += j - i;
            if (j == values.Length || bounds.Count == maxBins - 1)
            {
                break;
            }

            if (distinct <= maxBins || cumulative >= target)
            {
                bounds.Add(Midpoint(values[i], values[j]));
                target = cumulative + ((values.Length - cumulative) / (maxBins - bounds.Count));
            }

            i = j;
        }

        bounds.Add(double.PositiveInfinity);
        return [.. bounds];
    }

    private static double Midpoint(double a, double b)
    {
        var mid = a + ((b - a) * 0.5);
        return mid >= a && mid < b ? mid : a;
    }
}
