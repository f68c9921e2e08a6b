namespace Vigil.Features.Synthesis;

/// <summary>
/// Plug-in mutual information I(X; Y) in nats between a numeric column cut into equal-frequency bins (missing values get a
/// bin of their own) and class labels or binned targets (Cover and Thomas 2006, "Elements of Information Theory", §2.3).
/// Cheaper and coarser than the k-nearest-neighbour estimator of Kraskov, Stögbauer and Grassberger 2004 (Phys. Rev. E 69);
/// candidates are only compared with each other at the same bin count, so its common bias cancels.
/// </summary>
internal static class BinnedMutualInformation
{
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<int> y, int classCount, int bins)
    {
        var (codes, count) = QuantileBins(x, bins);
        var joint = new double[count * classCount];
        var px = new double[count];
        var py = new double[classCount];
        for (var i = 0; i < codes.Length; i++)
        {
            joint[(codes[i] * classCount) + y[i]]++;
            px[codes[i]]++;
            py[y[i]]++;
        }

        double n = codes.Length, mi = 0;
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < classCount; b++)
            {
                var j = joint[(a * classCount) + b];
                if (j > 0)
                {
                    mi += j / n * Math.Log(j * n / (px[a] * py[b]));
                }
            }
        }

        return Math.Max(0, mi);
    }

    /// <summary>Equal-frequency bin codes of <paramref name="x"/> (ties share a bin; NaN gets the last code) and the number of codes.</summary>
    public static (int[] Codes, int Count) QuantileBins(ReadOnlySpan<double> x, int bins)
    {
        var present = new List<double>(x.Length);
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                present.Add(v);
            }
        }

        present.Sort();
        var edges = new List<double>(bins);
        for (var j = 1; j < bins && present.Count > 0; j++)
        {
            var edge = present[Math.Min(present.Count - 1, (int)((long)j * present.Count / bins))];
            if (edges.Count == 0 || edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        var missing = edges.Count + 1;
        var codes = new int[x.Length];
        var edgeArray = edges.ToArray();
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]))
            {
                codes[i] = missing;
                continue;
            }

            var k = Array.BinarySearch(edgeArray, x[i]);
            codes[i] = k >= 0 ? k + 1 : ~k;
        }

        return (codes, missing + 1);
    }
}
