using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.ML.Forests;

/// <summary>
/// All trees of a forest flattened into one node array (16-byte nodes, pre-order per tree, absolute
/// right-child indices) and one leaf-value array, validated once so that inference can walk it without
/// bounds checks. Prediction averages the trees' leaf vectors (Breiman 2001). Batches are processed in
/// blocks of rows, tree by tree, so a tree stays in cache while it scores a block; large batches spread
/// blocks over threads. Immutable and thread-safe.
/// </summary>
internal sealed class ForestLayout
{
    private const int BlockRows = 128;

    private readonly ForestNode[] _nodes;
    private readonly int[] _roots;
    private readonly double[] _values;

    public ForestLayout(ForestNode[] nodes, int[] roots, double[] values, int width, int featureCount)
    {
        Validate(nodes, roots, values, width, featureCount);
        _nodes = nodes;
        _roots = roots;
        _values = values;
        Width = width;
        FeatureCount = featureCount;
    }

    public int Width { get; }

    public int FeatureCount { get; }

    public int TreeCount => _roots.Length;

    public ReadOnlySpan<ForestNode> Nodes => _nodes;

    public ReadOnlySpan<int> Roots => _roots;

    public ReadOnlySpan<double> Values => _values;

    /// <summary>Flattens grown trees, offsetting each tree's node and leaf-value indices.</summary>
    public static ForestLayout Flatten(IReadOnlyList<GrownTree> trees, int width, int featureCount)
    {
        var nodes = new ForestNode[trees.Sum(t => t.Nodes.Length)];
        var values = new double[trees.Sum(t => t.LeafValues.Length)];
        var roots = new int[trees.Count];
        int nodeOffset = 0, valueOffset = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            roots[t] = nodeOffset;
            foreach (var n in trees[t].Nodes)
            {
                nodes[nodeOffset++] = n with { Right = n.Right + (n.IsLeaf ? valueOffset : roots[t]) };
            }

            trees[t].LeafValues.CopyTo(values, valueOffset);
            valueOffset += trees[t].LeafValues.Length;
        }

        return new ForestLayout(nodes, roots, values, width, featureCount);
    }

    /// <summary>The offset of the leaf value vector that <paramref name="row"/> reaches in tree <paramref name="tree"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LeafValueOffset(int tree, ReadOnlySpan<double> row) =>
        Walk(ref MemoryMarshal.GetArrayDataReference(_nodes), _roots[tree], ref MemoryMarshal.GetReference(row));

    /// <summary>Writes the mean of the trees' leaf vectors for one row into <paramref name="destination"/> (length <see cref="Width"/>).</summary>
    public void PredictRow(ReadOnlySpan<double> row, Span<double> destination)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var x = ref MemoryMarshal.GetReference(row);
        ref var values = ref MemoryMarshal.GetArrayDataReference(_values);
        var w = Width;
        var acc = destination[..w];
        acc.Clear();
        foreach (var root in _roots)
        {
            var offset = Walk(ref nodes, root, ref x);
            for (var k = 0; k < w; k++)
            {
                acc[k] += Unsafe.Add(ref values, offset + k);
            }
        }

        var scale = 1.0 / _roots.Length;
        for (var k = 0; k < w; k++)
        {
            acc[k] *= scale;
        }
    }

    /// <summary>Writes the mean leaf vectors of every row (row-major, RowCount × <see cref="Width"/>).</summary>
    public void PredictBatch(FeatureMatrix features, Span<double> destination, int maxDegreeOfParallelism)
    {
        var rows = features.RowCount;
        var blocks = (rows + BlockRows - 1) / BlockRows;
        if (maxDegreeOfParallelism <= 1 || rows < 8 * BlockRows)
        {
            for (var b = 0; b < blocks; b++)
            {
                PredictBlock(features, destination, b);
            }

            return;
        }

        // Spans cannot enter the parallel lambda: score into a pooled buffer, then copy.
        var length = rows * Width;
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(length);
        try
        {
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, b =>
                PredictBlock(features, buffer.AsSpan(0, length), b));
            buffer.AsSpan(0, length).CopyTo(destination);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private void PredictBlock(FeatureMatrix features, Span<double> destination, int block)
    {
        var start = block * BlockRows;
        var count = Math.Min(BlockRows, features.RowCount - start);
        var p = FeatureCount;
        var w = Width;
        var acc = destination.Slice(start * w, count * w);
        acc.Clear();
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var values = ref MemoryMarshal.GetArrayDataReference(_values);
        ref var x = ref MemoryMarshal.GetReference(features.Values.Slice(start * p, count * p));
        ref var a = ref MemoryMarshal.GetReference(acc);
        foreach (var root in _roots)
        {
            for (var i = 0; i < count; i++)
            {
                var offset = Walk(ref nodes, root, ref Unsafe.Add(ref x, i * p));
                for (var k = 0; k < w; k++)
                {
                    Unsafe.Add(ref a, (i * w) + k) += Unsafe.Add(ref values, offset + k);
                }
            }
        }

        var scale = 1.0 / _roots.Length;
        for (var i = 0; i < acc.Length; i++)
        {
            acc[i] *= scale;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Walk(ref ForestNode nodes, int index, ref double row)
    {
        while (true)
        {
            ref readonly var n = ref Unsafe.Add(ref nodes, index);
            if (n.Feature < 0)
            {
                return n.Right;
            }

            var v = Unsafe.Add(ref row, n.Feature);
            index = v <= n.Threshold || (n.MissingLeft && double.IsNaN(v)) ? index + 1 : n.Right;
        }
    }

    private static void Validate(ForestNode[] nodes, int[] roots, double[] values, int width, int featureCount)
    {
        if (roots.Length == 0 || width < 1)
        {
            throw new ArgumentException("A forest needs at least one tree and a positive value width.");
        }

        for (var t = 0; t < roots.Length; t++)
        {
            var end = t + 1 < roots.Length ? roots[t + 1] : nodes.Length;
            if (roots[t] < 0 || roots[t] >= end || end > nodes.Length || (t == 0 && roots[t] != 0))
            {
                throw new ArgumentException($"Tree {t} spans nodes [{roots[t]}, {end}) of {nodes.Length}.");
            }

            for (var i = roots[t]; i < end; i++)
            {
                var n = nodes[i];
                var bad = n.IsLeaf
                    ? n.Feature != -1 || n.Right < 0 || (long)n.Right + width > values.Length
                    : n.Feature >= featureCount || i + 1 >= end || n.Right <= i + 1 || n.Right >= end;
                if (bad)
                {
                    throw new ArgumentException($"Node {i} of tree {t} (feature {n.Feature}, right {n.Right}) is inconsistent.");
                }
            }
        }
    }
}
