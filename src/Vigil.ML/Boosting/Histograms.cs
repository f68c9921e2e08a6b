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
    /// <summary>Adds the gradients of <paramref name="rows"/> (gathered in <paramref name="ordered"/>) into the bins of one feature.</summary>
    public static void Accumulate(ReadOnlySpan<byte> column, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered, Span<GradientPair> bins)
    {
        ref var col = ref MemoryMarshal.GetReference(column);
        ref var hist = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetReference(bins));
        ref var gh = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetReference(ordered));
        var n = rows.Length;
        if ((uint)n > (uint)ordered.Length)
        {
            throw new ArgumentException("Too few gathered gradients.", nameof(ordered));
        }

        // Codes were checked against the bin count when the matrix was built; rows lie in [0, column.Length).
        for (var k = 0; k < n; k++)
        {
            ref var slot = ref Unsafe.Add(ref hist, Unsafe.Add(ref col, rows[k]));
            slot = Vector128.Add(slot, Unsafe.Add(ref gh, k));
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
