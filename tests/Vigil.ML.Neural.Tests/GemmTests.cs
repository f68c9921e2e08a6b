using Shouldly;
using Xunit;
using Vigil.ML.Neural;

namespace Vigil.ML.Neural.Tests;

public sealed class GemmTests
{
    [Theory]
    [InlineData(false, false, 1, 1, 1)]
    [InlineData(false, false, 7, 13, 5)]
    [InlineData(true, false, 33, 17, 65)]
    [InlineData(false, true, 64, 256, 78)]
    [InlineData(true, true, 29, 31, 37)]
    [InlineData(false, false, 130, 257, 300)]
    [InlineData(true, false, 256, 64, 300)]
    public void Matches_the_naive_product(bool ta, bool tb, int m, int n, int k)
    {
        var random = new Random(m * 1000 + n * 10 + k);
        var lda = (ta ? m : k) + 3;
        var ldb = (tb ? k : n) + 2;
        var ldc = n + 1;
        var a = Enumerable.Range(0, (ta ? k : m) * lda).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var b = Enumerable.Range(0, (tb ? n : k) * ldb).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        foreach (var accumulate in new[] { false, true })
        {
            var c = Enumerable.Range(0, m * ldc).Select(_ => (float)random.NextDouble()).ToArray();
            var expected = (float[])c.Clone();
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    double sum = accumulate ? expected[i * ldc + j] : 0;
                    for (var p = 0; p < k; p++)
                    {
                        var av = ta ? a[p * lda + i] : a[i * lda + p];
                        var bv = tb ? b[j * ldb + p] : b[p * ldb + j];
                        sum += (double)av * bv;
                    }

                    expected[i * ldc + j] = (float)sum;
                }
            }

            Gemm.Multiply(ta, tb, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < ldc; j++)
                {
                    var tolerance = 1e-4f * (k + 1);
                    if (j < n)
                    {
                        Math.Abs(c[i * ldc + j] - expected[i * ldc + j]).ShouldBeLessThan(tolerance, $"C[{i},{j}] accumulate={accumulate}");
                    }
                    else
                    {
                        c[i * ldc + j].ShouldBe(expected[i * ldc + j], $"padding C[{i},{j}] must not change");
                    }
                }
            }
        }
    }
}
