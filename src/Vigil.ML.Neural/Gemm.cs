using System.Numerics.Tensors;

namespace Vigil.ML.Neural;

/// <summary>Single-precision general matrix multiply on row-major spans: C = op(A)·op(B) (+ C when accumulating).</summary>
/// <remarks>Single-threaded by design: the trainer parallelizes over batch halves, so every worker calls this on its own data.</remarks>
public static class Gemm
{
    /// <summary>
    /// Computes C[m×n] = op(A)[m×k] · op(B)[k×n], adding to C when <paramref name="accumulate"/> is true.
    /// op(A) is A ([m×k], leading dimension <paramref name="lda"/>) or, when <paramref name="transposeA"/>, Aᵀ with A stored [k×m].
    /// op(B) is B ([k×n], leading dimension <paramref name="ldb"/>) or, when <paramref name="transposeB"/>, Bᵀ with B stored [n×k].
    /// </summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (!accumulate)
        {
            for (var i = 0; i < m; i++)
            {
                c.Slice(i * ldc, n).Clear();
            }
        }

        if (k == 0)
        {
            return;
        }

        if (!transposeB)
        {
            for (var i = 0; i < m; i++)
            {
                var ci = c.Slice(i * ldc, n);
                for (var p = 0; p < k; p++)
                {
                    var aip = transposeA ? a[p * lda + i] : a[i * lda + p];
                    if (aip != 0f)
                    {
                        TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), aip, ci, ci);
                    }
                }
            }
        }
        else
        {
            // Only Aᵀ·Bᵀ needs a gathered column of A; the common A·Bᵀ (e.g. dX = dY·Wᵀ) must not allocate.
            var column = transposeA ? new float[k] : [];
            for (var i = 0; i < m; i++)
            {
                if (transposeA)
                {
                    for (var p = 0; p < k; p++)
                    {
                        column[p] = a[p * lda + i];
                    }
                }

                ReadOnlySpan<float> ai = transposeA ? column : a.Slice(i * lda, k);

                var ci = c.Slice(i * ldc, n);
                for (var j = 0; j < n; j++)
                {
                    ci[j] += TensorPrimitives.Dot(ai, b.Slice(j * ldb, k));
                }
            }
        }
    }
}
