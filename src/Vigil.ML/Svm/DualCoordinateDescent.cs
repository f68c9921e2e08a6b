namespace Vigil.ML.Svm;

/// <summary>
/// Dual coordinate descent for linear SVMs (Hsieh, Chang, Lin, Keerthi and Sundararajan 2008, "A dual coordinate
/// descent method for large-scale linear SVM", ICML), Algorithm 1 with a random permutation per epoch: the dual
/// min ½αᵀ(Q + D)α − eᵀα, 0 ≤ αᵢ ≤ Uᵢ, keeping w = Σ αᵢyᵢx̃ᵢ, where x̃ = [x, 1] when a (penalized) bias is fitted,
/// as LIBLINEAR does. Hinge: U = Cᵢ, D = 0; squared hinge: U = ∞, Dᵢᵢ = 1/(2Cᵢ). Stops when the projected-gradient
/// spread of one epoch is below the tolerance.
/// </summary>
internal static class DualCoordinateDescent
{
    /// <summary>Returns [w (d values), bias] for rows <paramref name="rows"/> of the flat matrix <paramref name="x"/>.</summary>
    public static double[] Solve(double[] x, int d, int[] rows, sbyte[] y, double[] c, SvmLoss loss, bool bias, double tolerance, int maxEpochs, int seed)
    {
        var n = rows.Length;
        var w = new double[d + 1];
        var alpha = new double[n];
        var qd = new double[n];
        var upper = new double[n];
        var diag = new double[n];
        var b = bias ? 1.0 : 0.0;
        for (var i = 0; i < n; i++)
        {
            (upper[i], diag[i]) = loss == SvmLoss.Hinge ? (c[i], 0.0) : (double.PositiveInfinity, 0.5 / c[i]);
            var row = x.AsSpan(rows[i] * d, d);
            qd[i] = diag[i] + (b * b);
            foreach (var v in row)
            {
                qd[i] += v * v;
            }
        }

        var order = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < maxEpochs; epoch++)
        {
            random.Shuffle(order);
            var (pgMax, pgMin) = (double.NegativeInfinity, double.PositiveInfinity);
            foreach (var i in order)
            {
                var row = x.AsSpan(rows[i] * d, d);
                var g = w[d] * b;
                for (var f = 0; f < d; f++)
                {
                    g += w[f] * row[f];
                }

                g = (y[i] * g) - 1 + (diag[i] * alpha[i]);
                var pg = alpha[i] <= 0 ? Math.Min(g, 0) : alpha[i] >= upper[i] ? Math.Max(g, 0) : g;
                pgMax = Math.Max(pgMax, pg);
                pgMin = Math.Min(pgMin, pg);
                if (Math.Abs(pg) > 1e-12 && qd[i] > 0)
                {
                    var old = alpha[i];
                    alpha[i] = Math.Min(Math.Max(old - (g / qd[i]), 0), upper[i]);
                    var step = (alpha[i] - old) * y[i];
                    for (var f = 0; f < d; f++)
                    {
                        w[f] += step * row[f];
                    }

                    w[d] += step * b;
                }
            }

            if (pgMax - pgMin <= tolerance)
            {
                break;
            }
        }

        return w;
    }
}
