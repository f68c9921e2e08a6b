namespace Vigil.ML.Linear;

/// <summary>Dense symmetric positive-definite solves by Cholesky factorization, with a growing diagonal jitter when the matrix is (nearly) singular.</summary>
internal static class Cholesky
{
    /// <summary>Solves A x = b for symmetric A (n×n row-major, not modified); adds jitter·mean(diag) to the diagonal only if the plain factorization fails.</summary>
    public static double[] SolveWithJitter(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n)
    {
        var work = new double[n * n];
        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            trace += Math.Abs(a[(i * n) + i]);
        }

        var scale = trace > 0 ? trace / n : 1.0;
        for (var jitter = 0.0; ; jitter = jitter == 0 ? 1e-12 : jitter * 10)
        {
            a.CopyTo(work);
            for (var i = 0; i < n; i++)
            {
                work[(i * n) + i] += jitter * scale;
            }

            if (TryFactor(work, n))
            {
                return Solve(work, b, n);
            }

            if (jitter > 1)
            {
                throw new InvalidOperationException("The normal equations could not be factorized even with a large jitter.");
            }
        }
    }

    /// <summary>Factors A = L Lᵀ in place (lower triangle holds L); false when a pivot is not positive.</summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var sum = a[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                sum -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(sum > 0) || !double.IsFinite(sum))
            {
                return false;
            }

            var pivot = Math.Sqrt(sum);
            a[(j * n) + j] = pivot;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = s / pivot;
            }
        }

        return true;
    }

    /// <summary>Solves L Lᵀ x = b given the factor from <see cref="TryFactor"/>.</summary>
    public static double[] Solve(ReadOnlySpan<double> factor, ReadOnlySpan<double> b, int n)
    {
        var x = b.ToArray();
        for (var i = 0; i < n; i++)
        {
            var s = x[i];
            for (var k = 0; k < i; k++)
            {
                s -= factor[(i * n) + k] * x[k];
            }

            x[i] = s / factor[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= factor[(k * n) + i] * x[k];
            }

            x[i] = s / factor[(i * n) + i];
        }

        return x;
    }
}
