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

    public static TheoryData<bool, bool, int, int, int> Shapes()
    {
        // (m, n, k): ones, sizes around the 8/16/32-wide vectors and the 6/8-row tiles, k beyond one 256-deep block,
        // n beyond one 512-wide block, and the neural engine's shapes (scaled down where the naive check would be slow).
        (int M, int N, int K)[] shapes =
        [
            (1, 1, 1), (1, 256, 64), (2, 255, 63), (1, 17, 300), (3, 1, 5), (5, 3, 1), (1, 1, 700),
            (6, 16, 8), (8, 32, 16), (9, 33, 17), (7, 31, 15), (13, 47, 14), (30, 256, 64), (37, 192, 32),
            (64, 64, 256), (25, 14, 256), (9, 31, 47), (3, 5, 40), (14, 256, 301), (12, 600, 9), (17, 520, 40), (40, 8, 513),
        ];
        var data = new TheoryData<bool, bool, int, int, int>();
        foreach (var (m, n, k) in shapes)
        {
            foreach (var ta in new[] { false, true })
            {
                foreach (var tb in new[] { false, true })
                {
                    data.Add(ta, tb, m, n, k);
                }
            }
        }

        return data;
    }

    public static TheoryData<int> Paths()
    {
        var data = new TheoryData<int>();
        foreach (var isa in Enum.GetValues<GemmIsa>())
        {
            if (isa <= Gemm.BestIsa)
            {
                data.Add((int)isa);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_code_path_matches_the_naive_product_on_exact_spans_with_padding(bool ta, bool tb, int m, int n, int k)
    {
        foreach (var isa in Enum.GetValues<GemmIsa>())
        {
            if (isa > Gemm.BestIsa)
            {
                continue;
            }

            foreach (var accumulate in new[] { false, true })
            {
                CheckAgainstNaive(isa, ta, tb, m, n, k, lpad: 3, cpad: 5, accumulate, seed: (m * 7919) + (n * 31) + k);
                CheckAgainstNaive(isa, ta, tb, m, n, k, lpad: 0, cpad: 0, accumulate, seed: (m * 31) + (n * 7) + k);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_recurrent_step_shape_with_time_strided_operands_matches(int path)
    {
        var isa = (GemmIsa)path;
        // Hprev is one time step of [B, T, H] (lda = T·H) and C one step of [B, T, 4H] (ldc = T·4H).
        const int B = 20, T = 3, H = 16;
        CheckAgainstNaive(isa, false, false, B, 4 * H, H, lpad: (T - 1) * H, cpad: (T - 1) * 4 * H, accumulate: true, seed: 5);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Zero_depth_clears_or_keeps_C(int path)
    {
        var isa = (GemmIsa)path;
        var c = new[] { 1f, 2f, 3f, 4f, 5f, 6f };
        Gemm.Multiply(isa, false, false, 2, 2, 0, [], 1, [], 2, c, 3, accumulate: true);
        c.ShouldBe([1f, 2f, 3f, 4f, 5f, 6f]);
        Gemm.Multiply(isa, true, true, 2, 2, 0, [], 2, [], 1, c, 3, accumulate: false);
        c.ShouldBe([0f, 0f, 3f, 0f, 0f, 6f]);
    }

    [Fact]
    public void Too_short_operands_are_rejected()
    {
        var a = new float[6];
        var b = new float[6];
        var c = new float[4];
        Should.Throw<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, a, 3, b.AsSpan(1), 2, c, 2, false)).ParamName.ShouldBe("b");
        Should.Throw<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 4, a, 3, b, 2, c, 2, false)).ParamName.ShouldBe("a");
        Should.Throw<ArgumentException>(() => Gemm.Multiply(false, false, 2, 3, 2, a, 2, b, 3, c, 3, false)).ParamName.ShouldBe("c");
        Should.Throw<ArgumentException>(() => Gemm.Multiply(true, false, 3, 1, 2, a, 2, b, 1, c, 1, false)).ParamName.ShouldBe("a");
    }

    /// <summary>
    /// Runs one product on spans cut to their exact extent ((rows−1)·ld + cols) inside larger arrays whose padding and
    /// surroundings hold NaN (A, B: any read of them poisons C) or a sentinel (C: must stay untouched).
    /// </summary>
    private static void CheckAgainstNaive(GemmIsa isa, bool ta, bool tb, int m, int n, int k, int lpad, int cpad, bool accumulate, int seed)
    {
        var random = new Random(seed);
        const int Guard = 37;
        var (aRows, aCols) = ta ? (k, m) : (m, k);
        var (bRows, bCols) = tb ? (n, k) : (k, n);
        int lda = aCols + lpad, ldb = bCols + (lpad / 2), ldc = n + cpad;
        var a = Matrix(random, aRows, aCols, lda, Guard, float.NaN);
        var b = Matrix(random, bRows, bCols, ldb, Guard, float.NaN);
        const float Sentinel = -12345.5f;
        var c = Matrix(random, m, n, ldc, Guard, Sentinel);
        var expected = (float[])c.Clone();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = accumulate ? c[Guard + (i * ldc) + j] : 0;
                for (var p = 0; p < k; p++)
                {
                    var av = ta ? a[Guard + (p * lda) + i] : a[Guard + (i * lda) + p];
                    var bv = tb ? b[Guard + (j * ldb) + p] : b[Guard + (p * ldb) + j];
                    sum += (double)av * bv;
                }

                expected[Guard + (i * ldc) + j] = (float)sum;
            }
        }

        Gemm.Multiply(
            isa, ta, tb, m, n, k,
            a.AsSpan(Guard, ((aRows - 1) * lda) + aCols), lda,
            b.AsSpan(Guard, ((bRows - 1) * ldb) + bCols), ldb,
            c.AsSpan(Guard, ((m - 1) * ldc) + n), ldc, accumulate);

        var tolerance = 2e-6f * (k + 4);
        for (var x = 0; x < c.Length; x++)
        {
            var offset = x - Guard;
            var inside = offset >= 0 && offset < m * ldc && offset % ldc < n;
            if (inside)
            {
                Math.Abs(c[x] - expected[x]).ShouldBeLessThan(tolerance, $"{isa} C[{offset / ldc},{offset % ldc}] accumulate={accumulate}");
            }
            else
            {
                c[x].ShouldBe(Sentinel, $"{isa} element {offset} outside C's m×n window was written");
            }
        }
    }

    private static float[] Matrix(Random random, int rows, int cols, int ld, int guard, float filler)
    {
        var data = new float[guard + (rows * ld) + guard];
        Array.Fill(data, filler);
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < cols; j++)
            {
                data[guard + (r * ld) + j] = (float)(random.NextDouble() - 0.5);
            }
        }

        return data;
    }
}
