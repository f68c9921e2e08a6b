using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.ML.Boosting;

/// <summary>
/// Gradient histograms: per bin the sums of g and h (and optionally the row count) of a node's rows. Each feature's
/// histogram is filled by one thread in row order, so the sums are the same whatever the degree of parallelism.
/// </summary>
internal static class Histograms
{
    /// <summary>Features with at most this many bins are summed into four interleaved copies (no store-to-load stalls on repeated bins).</summary>
    public const int SmallBins = 32;

    /// <summary>Adds the gradients of <paramref name="rows"/> (gathered in <paramref name="ordered"/>) into the bins of one feature.</summary>
    public static void Accumulate(ReadOnlySpan<byte> column, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered, Span<GradientPair> bins)
    {
        var n = rows.Length;
        if ((uint)n > (uint)ordered.Length)
        {
            throw new ArgumentException("Too few gathered gradients.", nameof(ordered));
        }

        ref var col = ref MemoryMarshal.GetReference(column);
        ref var gh = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetReference(ordered));
        ref var row = ref MemoryMarshal.GetReference(rows);
        if (bins.Length <= SmallBins)
        {
            AccumulateInterleaved(ref col, ref row, ref gh, n, bins);
            return;
        }

        // Codes were checked against the bin count when the matrix was built; rows lie in [0, column.Length).
        ref var hist = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetReference(bins));
        for (var k = 0; k < n; k++)
        {
            ref var slot = ref Unsafe.Add(ref hist, Unsafe.Add(ref col, Unsafe.Add(ref row, k)));
            slot = Vector128.Add(slot, Unsafe.Add(ref gh, k));
        }
    }

    /// <summary>Row k goes to copy k mod 4; the copies are then added as (c0 + c1) + (c2 + c3), a fixed order.</summary>
    private static void AccumulateInterleaved(ref byte col, ref int row, ref Vector128<double> gh, int n, Span<GradientPair> bins)
    {
        var width = bins.Length;
        Span<Vector128<double>> copies = stackalloc Vector128<double>[4 * SmallBins];
        copies.Clear();
        ref var c0 = ref MemoryMarshal.GetReference(copies);
        ref var c1 = ref Unsafe.Add(ref c0, SmallBins);
        ref var c2 = ref Unsafe.Add(ref c0, 2 * SmallBins);
        ref var c3 = ref Unsafe.Add(ref c0, 3 * SmallBins);
        var k = 0;
        for (; k + 4 <= n; k += 4)
        {
            ref var s0 = ref Unsafe.Add(ref c0, Unsafe.Add(ref col, Unsafe.Add(ref row, k)));
            s0 = Vector128.Add(s0, Unsafe.Add(ref gh, k));
            ref var s1 = ref Unsafe.Add(ref c1, Unsafe.Add(ref col, Unsafe.Add(ref row, k + 1)));
            s1 = Vector128.Add(s1, Unsafe.Add(ref gh, k + 1));
            ref var s2 = ref Unsafe.Add(ref c2, Unsafe.Add(ref col, Unsafe.Add(ref row, k + 2)));
            s2 = Vector128.Add(s2, Unsafe.Add(ref gh, k + 2));
            ref var s3 = ref Unsafe.Add(ref c3, Unsafe.Add(ref col, Unsafe.Add(ref row, k + 3)));
            s3 = Vector128.Add(s3, Unsafe.Add(ref gh, k + 3));
        }

        for (; k < n; k++)
        {
            ref var s = ref Unsafe.Add(ref c0, Unsafe.Add(ref col, Unsafe.Add(ref row, k)));
            s = Vector128.Add(s, Unsafe.Add(ref gh, k));
        }

        ref var hist = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetReference(bins));
        for (var b = 0; b < width; b++)
        {
            Unsafe.Add(ref hist, b) = Vector128.Add(
                Vector128.Add(Unsafe.Add(ref c0, b), Unsafe.Add(ref c1, b)),
                Vector128.Add(Unsafe.Add(ref c2, b), Unsafe.Add(ref c3, b)));
        }
    }

    /// <summary>Adds the row count of <paramref name="rows"/> into the bins of one feature.</summary>
    public static void Count(ReadOnlySpan<byte> column, ReadOnlySpan<int> rows, Span<int> counts)
    {
        ref var col = ref MemoryMarshal.GetReference(column);
        ref var c = ref MemoryMarshal.GetReference(counts);
        foreach (var r in rows)
        {
            Unsafe.Add(ref c, Unsafe.Add(ref col, r))++;
        }
    }

    /// <summary>larger -= smaller, bin by bin: the histogram subtraction trick (Ke et al. 2017).</summary>
    public static void Subtract(Span<GradientPair> larger, ReadOnlySpan<GradientPair> smaller)
    {
        var a = MemoryMarshal.Cast<GradientPair, double>(larger);
        var b = MemoryMarshal.Cast<GradientPair, double>(smaller);
        System.Numerics.Tensors.TensorPrimitives.Subtract(a, b, a);
    }

    /// <summary>larger -= smaller for row counts.</summary>
    public static void Subtract(Span<int> larger, ReadOnlySpan<int> smaller) =>
        System.Numerics.Tensors.TensorPrimitives.Subtract(larger, smaller, larger);
}
