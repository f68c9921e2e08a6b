using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.ML.Neural;

/// <summary>Single-precision general matrix multiply on row-major spans: C = op(A)·op(B) (+ C when accumulating).</summary>
/// <remarks>
/// Single-threaded by design: the trainer parallelizes over batch halves, so every worker calls this on its own data.
/// The blocked path follows Goto &amp; van de Geijn, "Anatomy of high-performance matrix multiplication" (ACM TOMS 2008)
/// and the BLIS micro-kernel layering (Van Zee &amp; van de Geijn, ACM TOMS 2015): op(B) is split into kc×nc blocks that
/// stay in L2 (packed into NR-wide panels when it is transposed or reused by many rows, read in place otherwise),
/// op(A) into MR×kc micro-panels packed into L1, and an MR×NR register-blocked FMA micro-kernel (8×32 with
/// <see cref="Vector512"/>, 6×16 with <see cref="Vector256"/>) updates C. Very short products (m ≤ 2, the one-window
/// inference case) skip packing entirely and stream op(B) once per row; A·Bᵀ with few columns (n &lt; 32, e.g. the input
/// gradient of a 14-feature projection) uses 4×4 tiles of dot products along k instead. Without SIMD hardware a scalar
/// loop is used.
/// </remarks>
[SkipLocalsInit]
public static unsafe class Gemm
{
    /// <summary>Depth of a k block: an MR×KC A micro-panel is 8 KiB, a KC×NC B block 512 KiB (L2).</summary>
    private const int KC = 256;

    /// <summary>Width of a column block of op(B).</summary>
    private const int NC = 512;

    /// <summary>Products with at most this many rows take the unpacked row path.</summary>
    private const int SmallRows = 2;

    /// <summary>
    /// Row-major A times B stored [n×k] with fewer columns than one 32-wide panel takes dot-product tiles without packing
    /// (measured: 3× the packed path at n = 14, slower than it at n = 64).
    /// </summary>
    private const int DotMaxColumns = 31;

    private const int MR512 = 8;
    private const int NR512 = 32;
    private const int MR256 = 6;
    private const int NR256 = 16;

    /// <summary>The widest instruction set this machine runs the kernels with (a JIT-time constant).</summary>
    internal static GemmIsa BestIsa =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmIsa.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmIsa.Vector256
        : GemmIsa.Scalar;

    /// <summary>
    /// Computes C[m×n] = op(A)[m×k] · op(B)[k×n], adding to C when <paramref name="accumulate"/> is true.
    /// op(A) is A ([m×k], leading dimension <paramref name="lda"/>) or, when <paramref name="transposeA"/>, Aᵀ with A stored [k×m].
    /// op(B) is B ([k×n], leading dimension <paramref name="ldb"/>) or, when <paramref name="transposeB"/>, Bᵀ with B stored [n×k].
    /// Only the first <paramref name="n"/> entries of each of the <paramref name="m"/> rows of C are written.
    /// </summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, bool accumulate) =>
        Multiply(BestIsa, transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, accumulate);

    /// <summary><see cref="Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, bool)"/> on a chosen code path (tests cover every path the machine supports).</summary>
    internal static void Multiply(
        GemmIsa isa, bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, bool accumulate)
    {
        if (isa > BestIsa)
        {
            throw new PlatformNotSupportedException($"{isa} is not supported on this machine.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (ldc < n || (long)(m - 1) * ldc + n > c.Length)
        {
            throw new ArgumentException($"C needs {m} rows of {n} with leading dimension {ldc} (≥ {n}), but has {c.Length} elements.", nameof(c));
        }

        if (k == 0)
        {
            if (!accumulate)
            {
                for (var i = 0; i < m; i++)
                {
                    c.Slice(i * ldc, n).Clear();
                }
            }

            return;
        }

        CheckOperand(transposeA, m, k, a.Length, lda, nameof(a));
        CheckOperand(transposeB, k, n, b.Length, ldb, nameof(b));

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var ars = transposeA ? 1 : (nint)lda;
            var acs = transposeA ? (nint)lda : 1;
            var wide = isa == GemmIsa.Vector512;
            if (isa != GemmIsa.Scalar)
            {
                if (m <= SmallRows)
                {
                    if (transposeB)
                    {
                        RowsTransposedB(m, n, k, pa, ars, acs, pb, ldb, pc, ldc, accumulate);
                    }
                    else
                    {
                        for (var i = 0; i < m; i++)
                        {
                            if (wide)
                            {
                                Row512(n, k, pa + (i * ars), acs, pb, ldb, pc + ((nint)i * ldc), accumulate);
                            }
                            else
                            {
                                Row256(n, k, pa + (i * ars), acs, pb, ldb, pc + ((nint)i * ldc), accumulate);
                            }
                        }
                    }
                }
                else if (wide && transposeB && !transposeA && n <= DotMaxColumns && k >= 16)
                {
                    Dot512(m, n, k, pa, lda, pb, ldb, pc, ldc, accumulate);
                }
                else
                {
                    Blocked(wide, transposeB, m, n, k, pa, ars, acs, pb, ldb, pc, ldc, accumulate);
                }
            }
            else
            {
                Scalar(m, n, k, pa, ars, acs, pb, transposeB ? 1 : ldb, transposeB ? ldb : 1, pc, ldc, accumulate);
            }
        }
    }

    private static void CheckOperand(bool transpose, int rows, int cols, int length, int ld, string name)
    {
        // Stored shape: [rows×cols], or [cols×rows] when transposed.
        var storedRows = transpose ? cols : rows;
        var storedCols = transpose ? rows : cols;
        if (ld < storedCols || (long)(storedRows - 1) * ld + storedCols > length)
        {
            throw new ArgumentException(
                $"{name} is stored [{storedRows}×{storedCols}] with leading dimension {ld} (≥ {storedCols}), but has {length} elements.", name);
        }
    }

    /// <summary>The Goto/BLIS loop nest: column blocks (nc), depth blocks (kc), MR-row micro-panels, NR-column panels.</summary>
    private static void Blocked(bool wide, bool transposeB, int m, int n, int k, float* a, nint ars, nint acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        var mrMax = wide ? MR512 : MR256;
        var nrMax = wide ? NR512 : NR256;
        var kBlocks = (k + KC - 1) / KC;
        var kcNominal = (k + kBlocks - 1) / kBlocks;
        var ncMax = Math.Min(NC, n);
        var panelsMax = (ncMax + nrMax - 1) / nrMax;

        // B is read in place when it is row-major op(B) (NR contiguous floats per k step), except its partial edge panel.
        var packAll = transposeB;
        float* apack = stackalloc float[MR512 * KC];
        float* tile = stackalloc float[MR512 * NR512];
        float* edge = stackalloc float[packAll ? 1 : KC * NR512];
        var rented = packAll ? ArrayPool<float>.Shared.Rent((kcNominal * panelsMax * nrMax) + 16) : null;
        try
        {
            fixed (float* rentedBase = rented)
            {
                // Align the packed panels to 64 bytes.
                var bpack = rentedBase == null ? null : (float*)(((nint)rentedBase + 63) & ~(nint)63);
                for (var jc = 0; jc < n; jc += NC)
                {
                    var nc = Math.Min(NC, n - jc);
                    var kc = kcNominal;
                    for (var pc = 0; pc < k; pc += kc)
                    {
                        kc = Math.Min(kcNominal, k - pc);
                        var add = accumulate || pc > 0;
                        if (packAll)
                        {
                            for (var jr = 0; jr < nc; jr += nrMax)
                            {
                                PackB(transposeB, b, ldb, pc, jc + jr, kc, Math.Min(nrMax, nc - jr), nrMax, bpack + ((nint)(jr / nrMax) * kc * nrMax));
                            }
                        }
                        else if (nc % nrMax != 0)
                        {
                            var jr = nc - (nc % nrMax);
                            PackB(transposeB, b, ldb, pc, jc + jr, kc, nc - jr, nrMax, edge);
                        }

                        for (var ir = 0; ir < m; ir += mrMax)
                        {
                            var mr = Math.Min(mrMax, m - ir);
                            PackA(a + (ir * ars) + (pc * acs), ars, acs, mr, kc, mrMax, apack);
                            var cRow = c + ((nint)ir * ldc) + jc;
                            for (var jr = 0; jr < nc; jr += nrMax)
                            {
                                var nr = Math.Min(nrMax, nc - jr);
                                float* bp;
                                nint bs;
                                if (packAll)
                                {
                                    bp = bpack + ((nint)(jr / nrMax) * kc * nrMax);
                                    bs = nrMax;
                                }
                                else if (nr == nrMax)
                                {
                                    bp = b + ((nint)pc * ldb) + jc + jr;
                                    bs = ldb;
                                }
                                else
                                {
                                    bp = edge;
                                    bs = nrMax;
                                }

                                if (wide)
                                {
                                    Kernel512(kc, apack, bp, bs, cRow + jr, ldc, add, mr, nr, tile);
                                }
                                else
                                {
                                    Kernel256(kc, apack, bp, bs, cRow + jr, ldc, add, mr, nr, tile);
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// C (+)= A·Bᵀ with A [m×k] and B [n×k] both row-major: 4×4 tiles of dot products along k (16 accumulators), so
    /// neither operand is packed; edge tiles repeat the last valid row or column and store only the valid entries.
    /// </summary>
    private static void Dot512(int m, int n, int k, float* a, nint lda, float* b, nint ldb, float* c, nint ldc, bool add)
    {
        var kv = k & ~15;
        for (var i = 0; i < m; i += 4)
        {
            var a0 = a + (i * lda);
            var a1 = a + (Math.Min(i + 1, m - 1) * lda);
            var a2 = a + (Math.Min(i + 2, m - 1) * lda);
            var a3 = a + (Math.Min(i + 3, m - 1) * lda);
            var rows = Math.Min(4, m - i);
            for (var j = 0; j < n; j += 4)
            {
                var b0 = b + (j * ldb);
                var b1 = b + (Math.Min(j + 1, n - 1) * ldb);
                var b2 = b + (Math.Min(j + 2, n - 1) * ldb);
                var b3 = b + (Math.Min(j + 3, n - 1) * ldb);
                var s00 = Vector512<float>.Zero;
                var s01 = Vector512<float>.Zero;
                var s02 = Vector512<float>.Zero;
                var s03 = Vector512<float>.Zero;
                var s10 = Vector512<float>.Zero;
                var s11 = Vector512<float>.Zero;
                var s12 = Vector512<float>.Zero;
                var s13 = Vector512<float>.Zero;
                var s20 = Vector512<float>.Zero;
                var s21 = Vector512<float>.Zero;
                var s22 = Vector512<float>.Zero;
                var s23 = Vector512<float>.Zero;
                var s30 = Vector512<float>.Zero;
                var s31 = Vector512<float>.Zero;
                var s32 = Vector512<float>.Zero;
                var s33 = Vector512<float>.Zero;
                for (nint p = 0; p < kv; p += 16)
                {
                    var x0 = Vector512.Load(b0 + p);
                    var x1 = Vector512.Load(b1 + p);
                    var x2 = Vector512.Load(b2 + p);
                    var x3 = Vector512.Load(b3 + p);
                    var y = Vector512.Load(a0 + p);
                    s00 = Vector512.FusedMultiplyAdd(y, x0, s00);
                    s01 = Vector512.FusedMultiplyAdd(y, x1, s01);
                    s02 = Vector512.FusedMultiplyAdd(y, x2, s02);
                    s03 = Vector512.FusedMultiplyAdd(y, x3, s03);
                    y = Vector512.Load(a1 + p);
                    s10 = Vector512.FusedMultiplyAdd(y, x0, s10);
                    s11 = Vector512.FusedMultiplyAdd(y, x1, s11);
                    s12 = Vector512.FusedMultiplyAdd(y, x2, s12);
                    s13 = Vector512.FusedMultiplyAdd(y, x3, s13);
                    y = Vector512.Load(a2 + p);
                    s20 = Vector512.FusedMultiplyAdd(y, x0, s20);
                    s21 = Vector512.FusedMultiplyAdd(y, x1, s21);
                    s22 = Vector512.FusedMultiplyAdd(y, x2, s22);
                    s23 = Vector512.FusedMultiplyAdd(y, x3, s23);
                    y = Vector512.Load(a3 + p);
                    s30 = Vector512.FusedMultiplyAdd(y, x0, s30);
                    s31 = Vector512.FusedMultiplyAdd(y, x1, s31);
                    s32 = Vector512.FusedMultiplyAdd(y, x2, s32);
                    s33 = Vector512.FusedMultiplyAdd(y, x3, s33);
                }

                var cols = Math.Min(4, n - j);
                var ci = c + (i * ldc) + j;
                DotRow(ci, cols, add, Reduce4(s00, s01, s02, s03), a0, b0, b1, b2, b3, kv, k);
                if (rows > 1)
                {
                    DotRow(ci + ldc, cols, add, Reduce4(s10, s11, s12, s13), a1, b0, b1, b2, b3, kv, k);
                }

                if (rows > 2)
                {
                    DotRow(ci + (2 * ldc), cols, add, Reduce4(s20, s21, s22, s23), a2, b0, b1, b2, b3, kv, k);
                }

                if (rows > 3)
                {
                    DotRow(ci + (3 * ldc), cols, add, Reduce4(s30, s31, s32, s33), a3, b0, b1, b2, b3, kv, k);
                }
            }
        }
    }

    /// <summary>Horizontal sums of four vectors: element q of the result is the sum of the lanes of vector q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Reduce4(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3)
    {
        var h0 = v0.GetLower() + v0.GetUpper();
        var h1 = v1.GetLower() + v1.GetUpper();
        var h2 = v2.GetLower() + v2.GetUpper();
        var h3 = v3.GetLower() + v3.GetUpper();
        var q0 = h0.GetLower() + h0.GetUpper();
        var q1 = h1.GetLower() + h1.GetUpper();
        var q2 = h2.GetLower() + h2.GetUpper();
        var q3 = h3.GetLower() + h3.GetUpper();

        // 4×4 transpose-and-add: [a0+a1, a2+a3, b0+b1, b2+b3] pairs, then the final pairs.
        var t01 = Sse3.HorizontalAdd(q0, q1);
        var t23 = Sse3.HorizontalAdd(q2, q3);
        return Sse3.HorizontalAdd(t01, t23);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DotRow(float* c, int cols, bool add, Vector128<float> sums, float* a, float* b0, float* b1, float* b2, float* b3, nint kv, int k)
    {
        for (var q = 0; q < cols; q++)
        {
            var s = sums.GetElement(q);
            var bq = q == 0 ? b0 : q == 1 ? b1 : q == 2 ? b2 : b3;
            for (var p = kv; p < k; p++)
            {
                s += a[p] * bq[p];
            }

            c[q] = add ? c[q] + s : s;
        }
    }

    /// <summary>Packs op(A)[rows, 0..kc) into dst[p·mrMax + r], zero-filling rows ≥ <paramref name="rows"/>.</summary>
    private static void PackA(float* a, nint ars, nint acs, int rows, int kc, int mrMax, float* dst)
    {
        if (ars == 1)
        {
            // Transposed storage: the rows of one k step are contiguous.
            if (rows == MR512 && mrMax == MR512)
            {
                for (var p = 0; p < kc; p++)
                {
                    Vector256.Store(Vector256.Load(a + (p * acs)), dst + (p * MR512));
                }

                return;
            }

            for (var p = 0; p < kc; p++)
            {
                var src = a + (p * acs);
                var d = dst + (p * mrMax);
                var r = 0;
                for (; r < rows; r++)
                {
                    d[r] = src[r];
                }

                for (; r < mrMax; r++)
                {
                    d[r] = 0f;
                }
            }

            return;
        }

        // Row-major storage: interleave the rows.
        var r0 = 0;
        for (; r0 < rows; r0++)
        {
            var src = a + (r0 * ars);
            var d = dst + r0;
            for (var p = 0; p < kc; p++)
            {
                d[p * mrMax] = src[p];
            }
        }

        for (; r0 < mrMax; r0++)
        {
            var d = dst + r0;
            for (var p = 0; p < kc; p++)
            {
                d[p * mrMax] = 0f;
            }
        }
    }

    /// <summary>Packs op(B)[p0..p0+kc, j0..j0+cols) into dst[p·nrMax + j], zero-filling columns ≥ <paramref name="cols"/>.</summary>
    private static void PackB(bool transposeB, float* b, int ldb, int p0, int j0, int kc, int cols, int nrMax, float* dst)
    {
        if (!transposeB)
        {
            for (var p = 0; p < kc; p++)
            {
                var src = b + ((nint)(p0 + p) * ldb) + j0;
                var d = dst + (p * nrMax);
                var j = 0;
                for (; j < cols; j++)
                {
                    d[j] = src[j];
                }

                for (; j < nrMax; j++)
                {
                    d[j] = 0f;
                }
            }

            return;
        }

        // B stored [n×k]: op(B)[p, j] = b[j·ldb + p].
        var jj = 0;
        for (; jj < cols; jj++)
        {
            var src = b + ((nint)(j0 + jj) * ldb) + p0;
            var d = dst + jj;
            for (var p = 0; p < kc; p++)
            {
                d[p * nrMax] = src[p];
            }
        }

        for (; jj < nrMax; jj++)
        {
            var d = dst + jj;
            for (var p = 0; p < kc; p++)
            {
                d[p * nrMax] = 0f;
            }
        }
    }

    /// <summary>8×32 micro-kernel: C[0..mr, 0..nr) (+)= Apanel[8×kc] · Bpanel[kc×32] (B rows <paramref name="bs"/> floats apart).</summary>
    private static void Kernel512(int kc, float* a, float* b, nint bs, float* c, nint ldc, bool add, int mr, int nr, float* tile)
    {
        var c00 = Vector512<float>.Zero;
        var c01 = Vector512<float>.Zero;
        var c10 = Vector512<float>.Zero;
        var c11 = Vector512<float>.Zero;
        var c20 = Vector512<float>.Zero;
        var c21 = Vector512<float>.Zero;
        var c30 = Vector512<float>.Zero;
        var c31 = Vector512<float>.Zero;
        var c40 = Vector512<float>.Zero;
        var c41 = Vector512<float>.Zero;
        var c50 = Vector512<float>.Zero;
        var c51 = Vector512<float>.Zero;
        var c60 = Vector512<float>.Zero;
        var c61 = Vector512<float>.Zero;
        var c70 = Vector512<float>.Zero;
        var c71 = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var av = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(av, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(av, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(av, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(av, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(av, b1, c71);
            a += MR512;
            b += bs;
        }

        var full = mr == MR512 && nr == NR512;
        var dst = full ? c : tile;
        var ld = full ? ldc : NR512;
        var addHere = full && add;
        Store512(dst, c00, c01, addHere);
        Store512(dst + ld, c10, c11, addHere);
        Store512(dst + (2 * ld), c20, c21, addHere);
        Store512(dst + (3 * ld), c30, c31, addHere);
        Store512(dst + (4 * ld), c40, c41, addHere);
        Store512(dst + (5 * ld), c50, c51, addHere);
        Store512(dst + (6 * ld), c60, c61, addHere);
        Store512(dst + (7 * ld), c70, c71, addHere);
        if (!full)
        {
            CopyTile(tile, NR512, c, ldc, mr, nr, add);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(float* c, Vector512<float> lo, Vector512<float> hi, bool add)
    {
        if (add)
        {
            lo += Vector512.Load(c);
            hi += Vector512.Load(c + 16);
        }

        Vector512.Store(lo, c);
        Vector512.Store(hi, c + 16);
    }

    /// <summary>6×16 micro-kernel (AVX2 + FMA): C[0..mr, 0..nr) (+)= Apanel[6×kc] · Bpanel[kc×16].</summary>
    private static void Kernel256(int kc, float* a, float* b, nint bs, float* c, nint ldc, bool add, int mr, int nr, float* tile)
    {
        var c00 = Vector256<float>.Zero;
        var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero;
        var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero;
        var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero;
        var c31 = Vector256<float>.Zero;
        var c40 = Vector256<float>.Zero;
        var c41 = Vector256<float>.Zero;
        var c50 = Vector256<float>.Zero;
        var c51 = Vector256<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var av = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(av, b0, c00);
            c01 = Fma.MultiplyAdd(av, b1, c01);
            av = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(av, b0, c10);
            c11 = Fma.MultiplyAdd(av, b1, c11);
            av = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(av, b0, c20);
            c21 = Fma.MultiplyAdd(av, b1, c21);
            av = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(av, b0, c30);
            c31 = Fma.MultiplyAdd(av, b1, c31);
            av = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(av, b0, c40);
            c41 = Fma.MultiplyAdd(av, b1, c41);
            av = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(av, b0, c50);
            c51 = Fma.MultiplyAdd(av, b1, c51);
            a += MR256;
            b += bs;
        }

        var full = mr == MR256 && nr == NR256;
        var dst = full ? c : tile;
        var ld = full ? ldc : NR256;
        var addHere = full && add;
        Store256(dst, c00, c01, addHere);
        Store256(dst + ld, c10, c11, addHere);
        Store256(dst + (2 * ld), c20, c21, addHere);
        Store256(dst + (3 * ld), c30, c31, addHere);
        Store256(dst + (4 * ld), c40, c41, addHere);
        Store256(dst + (5 * ld), c50, c51, addHere);
        if (!full)
        {
            CopyTile(tile, NR256, c, ldc, mr, nr, add);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(float* c, Vector256<float> lo, Vector256<float> hi, bool add)
    {
        if (add)
        {
            lo += Vector256.Load(c);
            hi += Vector256.Load(c + 8);
        }

        Vector256.Store(lo, c);
        Vector256.Store(hi, c + 8);
    }

    private static void CopyTile(float* tile, int ldt, float* c, nint ldc, int mr, int nr, bool add)
    {
        for (var r = 0; r < mr; r++)
        {
            var src = tile + (r * ldt);
            var dst = c + (r * ldc);
            if (add)
            {
                for (var j = 0; j < nr; j++)
                {
                    dst[j] += src[j];
                }
            }
            else
            {
                for (var j = 0; j < nr; j++)
                {
                    dst[j] = src[j];
                }
            }
        }
    }

    /// <summary>One row of C from row-major op(B), no packing: C[0..n) (+)= Σp a[p·acs]·B[p, 0..n).</summary>
    private static void Row512(int n, int k, float* a, nint acs, float* b, nint ldb, float* c, bool add)
    {
        var j = 0;
        for (; j + 128 <= n; j += 128)
        {
            var s0 = Vector512<float>.Zero;
            var s1 = Vector512<float>.Zero;
            var s2 = Vector512<float>.Zero;
            var s3 = Vector512<float>.Zero;
            var s4 = Vector512<float>.Zero;
            var s5 = Vector512<float>.Zero;
            var s6 = Vector512<float>.Zero;
            var s7 = Vector512<float>.Zero;
            var bp = b + j;
            var ap = a;
            for (var p = 0; p < k; p++)
            {
                var av = Vector512.Create(*ap);
                s0 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp), s0);
                s1 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 16), s1);
                s2 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 32), s2);
                s3 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 48), s3);
                s4 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 64), s4);
                s5 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 80), s5);
                s6 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 96), s6);
                s7 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 112), s7);
                ap += acs;
                bp += ldb;
            }

            Store512(c + j, s0, s1, add);
            Store512(c + j + 32, s2, s3, add);
            Store512(c + j + 64, s4, s5, add);
            Store512(c + j + 96, s6, s7, add);
        }

        for (; j + 32 <= n; j += 32)
        {
            var s0 = Vector512<float>.Zero;
            var s1 = Vector512<float>.Zero;
            var bp = b + j;
            var ap = a;
            for (var p = 0; p < k; p++)
            {
                var av = Vector512.Create(*ap);
                s0 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp), s0);
                s1 = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 16), s1);
                ap += acs;
                bp += ldb;
            }

            Store512(c + j, s0, s1, add);
        }

        RowTail(j, n, k, a, acs, b, ldb, c, add);
    }

    /// <summary>One row of C from row-major op(B) with 256-bit vectors.</summary>
    private static void Row256(int n, int k, float* a, nint acs, float* b, nint ldb, float* c, bool add)
    {
        var j = 0;
        for (; j + 64 <= n; j += 64)
        {
            var s0 = Vector256<float>.Zero;
            var s1 = Vector256<float>.Zero;
            var s2 = Vector256<float>.Zero;
            var s3 = Vector256<float>.Zero;
            var s4 = Vector256<float>.Zero;
            var s5 = Vector256<float>.Zero;
            var s6 = Vector256<float>.Zero;
            var s7 = Vector256<float>.Zero;
            var bp = b + j;
            var ap = a;
            for (var p = 0; p < k; p++)
            {
                var av = Vector256.Create(*ap);
                s0 = Fma.MultiplyAdd(av, Vector256.Load(bp), s0);
                s1 = Fma.MultiplyAdd(av, Vector256.Load(bp + 8), s1);
                s2 = Fma.MultiplyAdd(av, Vector256.Load(bp + 16), s2);
                s3 = Fma.MultiplyAdd(av, Vector256.Load(bp + 24), s3);
                s4 = Fma.MultiplyAdd(av, Vector256.Load(bp + 32), s4);
                s5 = Fma.MultiplyAdd(av, Vector256.Load(bp + 40), s5);
                s6 = Fma.MultiplyAdd(av, Vector256.Load(bp + 48), s6);
                s7 = Fma.MultiplyAdd(av, Vector256.Load(bp + 56), s7);
                ap += acs;
                bp += ldb;
            }

            Store256(c + j, s0, s1, add);
            Store256(c + j + 16, s2, s3, add);
            Store256(c + j + 32, s4, s5, add);
            Store256(c + j + 48, s6, s7, add);
        }

        for (; j + 16 <= n; j += 16)
        {
            var s0 = Vector256<float>.Zero;
            var s1 = Vector256<float>.Zero;
            var bp = b + j;
            var ap = a;
            for (var p = 0; p < k; p++)
            {
                var av = Vector256.Create(*ap);
                s0 = Fma.MultiplyAdd(av, Vector256.Load(bp), s0);
                s1 = Fma.MultiplyAdd(av, Vector256.Load(bp + 8), s1);
                ap += acs;
                bp += ldb;
            }

            Store256(c + j, s0, s1, add);
        }

        RowTail(j, n, k, a, acs, b, ldb, c, add);
    }

    /// <summary>Columns [j, n) of one row, 8 (then 1) at a time.</summary>
    private static void RowTail(int j, int n, int k, float* a, nint acs, float* b, nint ldb, float* c, bool add)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 8 <= n; j += 8)
            {
                var s = Vector256<float>.Zero;
                var bp = b + j;
                var ap = a;
                for (var p = 0; p < k; p++)
                {
                    s += Vector256.Create(*ap) * Vector256.Load(bp);
                    ap += acs;
                    bp += ldb;
                }

                if (add)
                {
                    s += Vector256.Load(c + j);
                }

                Vector256.Store(s, c + j);
            }
        }

        for (; j < n; j++)
        {
            var s = 0f;
            var bp = b + j;
            var ap = a;
            for (var p = 0; p < k; p++)
            {
                s += *ap * *bp;
                ap += acs;
                bp += ldb;
            }

            c[j] = add ? c[j] + s : s;
        }
    }

    /// <summary>A few rows against B stored [n×k]: one dot product per entry (op(A) rows gathered when strided).</summary>
    private static void RowsTransposedB(int m, int n, int k, float* a, nint ars, nint acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        float[]? rented = acs == 1 ? null : ArrayPool<float>.Shared.Rent(k);
        try
        {
            for (var i = 0; i < m; i++)
            {
                var ai = a + (i * ars);
                ReadOnlySpan<float> row;
                if (rented is null)
                {
                    row = new ReadOnlySpan<float>(ai, k);
                }
                else
                {
                    for (var p = 0; p < k; p++)
                    {
                        rented[p] = ai[p * acs];
                    }

                    row = rented.AsSpan(0, k);
                }

                var ci = c + ((nint)i * ldc);
                for (var j = 0; j < n; j++)
                {
                    var s = TensorPrimitives.Dot(row, new ReadOnlySpan<float>(b + ((nint)j * ldb), k));
                    ci[j] = accumulate ? ci[j] + s : s;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Scalar fallback for machines without SIMD: op(A)[i,p] = a[i·ars + p·acs], op(B)[p,j] = b[p·brs + j·bcs].</summary>
    private static void Scalar(int m, int n, int k, float* a, nint ars, nint acs, float* b, nint brs, nint bcs, float* c, int ldc, bool accumulate)
    {
        for (var i = 0; i < m; i++)
        {
            var ci = c + ((nint)i * ldc);
            for (var j = 0; j < n; j++)
            {
                var s = 0f;
                var ap = a + (i * ars);
                var bp = b + (j * bcs);
                for (var p = 0; p < k; p++)
                {
                    s += *ap * *bp;
                    ap += acs;
                    bp += brs;
                }

                ci[j] = accumulate ? ci[j] + s : s;
            }
        }
    }
}

/// <summary>The code path of <see cref="Gemm"/>: scalar loops, 256-bit FMA kernels or 512-bit FMA kernels.</summary>
internal enum GemmIsa
{
    /// <summary>Plain scalar loops.</summary>
    Scalar,

    /// <summary>AVX2 + FMA: 6×16 micro-kernel.</summary>
    Vector256,

    /// <summary>AVX-512F: 8×32 micro-kernel.</summary>
    Vector512,
}
