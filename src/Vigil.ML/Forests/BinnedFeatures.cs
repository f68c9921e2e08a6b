namespace Vigil.ML.Forests;

/// <summary>
/// Every feature quantized once into at most 255 bins, shared read-only by all trees of a forest
/// (the histogram idea of Ke et al. 2017, "LightGBM", applied to Breiman's random forest). A feature
/// with at most <c>maxBins</c> distinct values gets one bin per value; otherwise bins hold roughly equal
/// row counts. Bin b's upper edge is the midpoint between the largest value in b and the smallest value
/// in b + 1, so for training rows "bin ≤ b" is exactly "value ≤ edge": a split on bin b is stored as the
/// raw threshold edge[b] and prediction never needs the bins. A missing value (NaN) gets its own code,
/// one past the feature's last bin, and each split learns which side it goes to.
/// </summary>
internal sealed class BinnedFeatures
{
    private readonly byte[] _codes;      // feature-major: _codes[f * RowCount + r]
    private readonly double[][] _edges;  // per feature, the upper edge of every bin but the last

    private BinnedFeatures(int rowCount, byte[] codes, double[][] edges)
    {
        RowCount = rowCount;
        _codes = codes;
        _edges = edges;
    }

    public int RowCount { get; }

    public int FeatureCount => _edges.Length;

    /// <summary>Quantizes every column of <paramref name="features"/> (in parallel over features; the result does not depend on it).</summary>
    public static BinnedFeatures Build(FeatureMatrix features, int maxBins, int maxDegreeOfParallelism)
    {
        var n = features.RowCount;
        var p = features.ColumnCount;
        var codes = new byte[(long)n * p];
        var edges = new double[p][];
        Parallel.For(0, p, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, f =>
        {
            var column = new double[n];
            var x = features.Values;
            for (var r = 0; r < n; r++)
            {
                column[r] = x[(r * p) + f];
            }

            edges[f] = Edges(column, maxBins);
            Encode(column, edges[f], codes.AsSpan(f * n, n));
        });
        return new BinnedFeatures(n, codes, edges);
    }

    /// <summary>The number of value bins of a feature (its missing-value code equals this number).</summary>
    public int BinCount(int feature) => _edges[feature].Length + 1;

    /// <summary>The raw threshold of a split after bin <paramref name="bin"/>.</summary>
    public double Edge(int feature, int bin) => _edges[feature][bin];

    /// <summary>The bin codes of one feature for every row.</summary>
    public ReadOnlySpan<byte> Codes(int feature) => _codes.AsSpan(feature * RowCount, RowCount);

    private static double[] Edges(double[] column, int maxBins)
    {
        var present = column.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        var edges = new List<double>();
        var n = present.Length;
        var distinct = 0;
        for (var k = 0; k < n; k++)
        {
            distinct += k == 0 || present[k] != present[k - 1] ? 1 : 0;
        }

        var i = 0;
        while (i < n)
        {
            var j = i;
            while (j + 1 < n && present[j + 1] == present[i])
            {
                j++;
            }

            // present[i..j] is one distinct value; cut after it when the bin has its share of rows.
            var next = j + 1;
            if (next < n && (distinct <= maxBins || (long)next * maxBins >= (long)(edges.Count + 1) * n))
            {
                edges.Add(Midpoint(present[j], present[next]));
            }

            i = next;
        }

        return [.. edges];
    }

    private static void Encode(double[] column, double[] edges, Span<byte> codes)
    {
        var missing = (byte)(edges.Length + 1);
        for (var r = 0; r < column.Length; r++)
        {
            var v = column[r];
            if (double.IsNaN(v))
            {
                codes[r] = missing;
                continue;
            }

            int lo = 0, hi = edges.Length;  // first edge ≥ v, or the last bin
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (edges[mid] < v)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            codes[r] = (byte)lo;
        }
    }

    private static double Midpoint(double low, double high)
    {
        var t = (low / 2) + (high / 2);
        return t >= high || double.IsInfinity(t) ? low : t;
    }
}
