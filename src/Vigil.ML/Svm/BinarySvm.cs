namespace Vigil.ML.Svm;

/// <summary>One trained binary C-SVC: f(x) = Σ coefᵢ·K(svᵢ, x) − ρ over the listed rows (coefᵢ = αᵢyᵢ), positive for the +1 class.</summary>
internal sealed record BinarySvm(int[] SupportRows, double[] Coefficients, double Rho)
{
    /// <summary>Solves the dual on rows <paramref name="rows"/> of the flat matrix <paramref name="x"/>; SupportRows index into <paramref name="rows"/>'s values (global rows).</summary>
    public static BinarySvm Train(double[] x, int d, int[] rows, sbyte[] y, double[] c, KernelFunction kernel, SvmTraining training, CancellationToken cancellationToken)
    {
        var n = rows.Length;
        var plus = y.Count(v => v > 0);
        if (plus == 0 || plus == n)
        {
            // One class only: a constant decision (+1 or −1), as libsvm's cross-validation does.
            return new BinarySvm([], [], n == 0 ? 0 : plus == 0 ? 1 : -1);
        }

        var sub = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            x.AsSpan(rows[i] * d, d).CopyTo(sub.AsSpan(i * d, d));
        }

        var q = new KernelMatrix(sub, n, d, y, kernel, training.CacheBytes);
        var result = new SmoSolver(y, c, q, training.Tolerance, training.Shrinking)
            .Solve(training.MaxIterations ?? Math.Max(10_000_000, 100L * n), cancellationToken);
        var support = new List<int>();
        var coefficients = new List<double>();
        for (var i = 0; i < n; i++)
        {
            if (result.Alpha[i] > 0)
            {
                support.Add(rows[i]);
                coefficients.Add(result.Alpha[i] * y[i]);
            }
        }

        return new BinarySvm([.. support], [.. coefficients], result.Rho);
    }

    /// <summary>The decision values of global rows <paramref name="rows"/> of <paramref name="x"/>, written into <paramref name="decisions"/> at <paramref name="positions"/>.</summary>
    public void Decide(double[] x, int d, ReadOnlySpan<int> rows, ReadOnlySpan<int> positions, KernelFunction kernel, double[] decisions)
    {
        var supports = new double[SupportRows.Length * d];
        for (var s = 0; s < SupportRows.Length; s++)
        {
            x.AsSpan(SupportRows[s] * d, d).CopyTo(supports.AsSpan(s * d, d));
        }

        var k = new double[SupportRows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            kernel.EvaluateAll(x.AsSpan(rows[r] * d, d), supports, k);
            decisions[positions[r]] = System.Numerics.Tensors.TensorPrimitives.Dot<double>(Coefficients, k) - Rho;
        }
    }
}

/// <summary>Solver settings shared by every binary problem of one fit.</summary>
internal sealed record SvmTraining(double Tolerance, bool Shrinking, long? MaxIterations, long CacheBytes);
