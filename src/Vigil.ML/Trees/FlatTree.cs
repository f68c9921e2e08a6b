using System.Runtime.CompilerServices;

namespace Vigil.ML.Trees;

/// <summary>
/// A tree laid out in flat arrays for cache-friendly, allocation-free inference: nodes in pre-order,
/// and per node a value vector of <see cref="ValueWidth"/> entries (class probabilities, or one
/// regression value) and the weighted number of training rows that reached it.
/// </summary>
internal sealed class FlatTree
{
    private readonly TreeNode[] _nodes;
    private readonly double[] _values;
    private readonly double[] _cover;

    public FlatTree(TreeNode[] nodes, double[] values, int valueWidth, double[] cover)
    {
        if (nodes.Length == 0 || values.Length != nodes.Length * valueWidth || cover.Length != nodes.Length)
        {
            throw new ArgumentException("Inconsistent tree arrays.");
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var n = nodes[i];
            if (!n.IsLeaf && (n.Left <= i || n.Right <= i || n.Left >= nodes.Length || n.Right >= nodes.Length))
            {
                throw new ArgumentException($"Node {i} has children {n.Left}/{n.Right} outside ({i}, {nodes.Length}).");
            }
        }

        _nodes = nodes;
        _values = values;
        _cover = cover;
        ValueWidth = valueWidth;
        (Depth, LeafCount) = Measure(nodes);
    }

    public int ValueWidth { get; }

    public int NodeCount => _nodes.Length;

    public int Depth { get; }

    public int LeafCount { get; }

    public ReadOnlySpan<TreeNode> Nodes => _nodes;

    public ReadOnlySpan<double> Values => _values;

    public ReadOnlySpan<double> Cover => _cover;

    /// <summary>The index of the leaf <paramref name="row"/> lands in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindLeaf(ReadOnlySpan<double> row)
    {
        var nodes = _nodes;
        var i = 0;
        while (true)
        {
            ref readonly var n = ref nodes[i];
            if (n.Feature < 0)
            {
                return i;
            }

            var v = row[n.Feature];
            i = v <= n.Threshold ? n.Left : double.IsNaN(v) ? (n.MissingLeft ? n.Left : n.Right) : n.Right;
        }
    }

    /// <summary>The value vector of node <paramref name="node"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<double> ValueOf(int node) => new(_values, node * ValueWidth, ValueWidth);

    private static (int Depth, int Leaves) Measure(TreeNode[] nodes)
    {
        var depth = new int[nodes.Length];
        int maxDepth = 0, leaves = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            maxDepth = Math.Max(maxDepth, depth[i]);
            if (nodes[i].IsLeaf)
            {
                leaves++;
                continue;
            }

            depth[nodes[i].Left] = depth[i] + 1;
            depth[nodes[i].Right] = depth[i] + 1;
        }

        return (maxDepth, leaves);
    }
}
