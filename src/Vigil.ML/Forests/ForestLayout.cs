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

    private readonly ForestNode[] _nodes;     // walk form: a leaf is (NaN, itself, 0, false), so stepping from it stays put
    private readonly int[] _leafOffset;       // per node: the leaf's value offset (0 for splits)
    private readonly int[] _roots;
    private readonly double[] _values;

    public ForestLayout(ForestNode[] nodes, int[] roots, double[] values, int width, int featureCount)
    {
        Validate(nodes, roots, values, width, featureCount);
        _leafOffset = new int[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].IsLeaf)
            {
                _leafOffset[i] = nodes[i].Right;
                nodes[i] = new ForestNode(double.NaN, i, 0, false);
            }
        }

        _nodes = nodes;
        _roots = roots;
        _values = values;
        Width = width;
        FeatureCount = featureCount;
    }

    public int Width { get; }

    public int FeatureCount { get; }

    public int TreeCount => _roots.Length;

    public int NodeCount => _nodes.Length;

    public ReadOnlySpan<int> Roots => _roots;

    public ReadOnlySpan<double> Values => _values;

    /// <summary>Node <paramref name="index"/> in stored form (a leaf has feature -1 and its value offset as right).</summary>
    public ForestNode Node(int index) =>
        _nodes[index].Right == index ? new ForestNode(0, _leafOffset[index], -1, false) : _nodes[index];

    /// <summary>Flattens grown trees, offsetting each tree's node and leaf-value indices; releases each tree once copied to bound peak memory.</summary>
    public static ForestLayout Flatten(GrownTree[] trees, int width, int featureCount)
    {
        var nodes = new ForestNode[trees.Sum(t => (long)t.Nodes.Length)];
        var values = new double[trees.Sum(t => (long)t.LeafValues.Length)];
        var roots = new int[trees.Length];
        int nodeOffset = 0, valueOffset = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            roots[t] = nodeOffset;
            foreach (var n in trees[t].Nodes)
            {
                nodes[nodeOffset++] = n with { Right = n.Right + (n.IsLeaf ? valueOffset : roots[t]) };
            }

            trees[t].LeafValues.CopyTo(values, valueOffset);
            valueOffset += trees[t].LeafValues.Length;
            trees[t] = null!;
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
        Span<int> leaves = stackalloc int[8];
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_leafOffset);
        var quads = count & ~7;
        foreach (var root in _roots)
        {
            for (var i = 0; i < quads; i += 8)
            {
                Walk8(ref nodes, root, ref Unsafe.Add(ref x, i * p), p, leaves);
                for (var j = 0; j < 8; j++)
                {
                    var offset = Unsafe.Add(ref offsets, leaves[j]);
                    for (var k = 0; k < w; k++)
                    {
                        Unsafe.Add(ref a, ((i + j) * w) + k) += Unsafe.Add(ref values, offset + k);
                    }
                }
            }

            for (var i = quads; i < count; i++)
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
    private int Walk(ref ForestNode nodes, int index, ref double row)
    {
        while (true)
        {
            var next = Step(ref nodes, index, ref row);
            if (next == index)
            {
                return _leafOffset[index];
            }

            index = next;
        }
    }

    /// <summary>One level down without branches: left is the next node, a leaf steps to itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref ForestNode nodes, int index, ref double row)
    {
        ref readonly var n = ref Unsafe.Add(ref nodes, index);
        var v = Unsafe.Add(ref row, n.Feature);
        var left = (v <= n.Threshold ? 1 : 0) | (double.IsNaN(v) & n.MissingLeft ? 1 : 0);
        return n.Right + ((index + 1 - n.Right) & -left);
    }

    /// <summary>Walks eight consecutive rows (row stride <paramref name="p"/>) down one tree in lockstep so their loads overlap; stops when all sit on leaves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Walk8(ref ForestNode nodes, int root, ref double rows, int p, Span<int> leaves)
    {
        int i0 = root, i1 = root, i2 = root, i3 = root, i4 = root, i5 = root, i6 = root, i7 = root;
        while (true)
        {
            var n0 = Step(ref nodes, i0, ref rows);
            var n1 = Step(ref nodes, i1, ref Unsafe.Add(ref rows, p));
            var n2 = Step(ref nodes, i2, ref Unsafe.Add(ref rows, 2 * p));
            var n3 = Step(ref nodes, i3, ref Unsafe.Add(ref rows, 3 * p));
            var n4 = Step(ref nodes, i4, ref Unsafe.Add(ref rows, 4 * p));
            var n5 = Step(ref nodes, i5, ref Unsafe.Add(ref rows, 5 * p));
            var n6 = Step(ref nodes, i6, ref Unsafe.Add(ref rows, 6 * p));
            var n7 = Step(ref nodes, i7, ref Unsafe.Add(ref rows, 7 * p));
            if (((n0 ^ i0) | (n1 ^ i1) | (n2 ^ i2) | (n3 ^ i3) | (n4 ^ i4) | (n5 ^ i5) | (n6 ^ i6) | (n7 ^ i7)) == 0)
            {
                break;
            }

            (i0, i1, i2, i3, i4, i5, i6, i7) = (n0, n1, n2, n3, n4, n5, n6, n7);
        }

        leaves[0] = i0;
        leaves[1] = i1;
        leaves[2] = i2;
        leaves[3] = i3;
        leaves[4] = i4;
        leaves[5] = i5;
        leaves[6] = i6;
        leaves[7] = i7;
    }

    private static void Validate(ForestNode[] nodes, int[] roots, double[] values, int width, int featureCount)
    {
        if (roots.Length == 0 || width < 1 || featureCount < 1)
        {
            throw new ArgumentException("A forest needs at least one tree, one feature and a positive value width.");
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
