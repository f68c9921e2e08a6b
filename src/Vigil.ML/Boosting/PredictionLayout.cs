using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.ML.Boosting;

/// <summary>
/// The trees re-laid for branch-free inference: every tree is walked exactly its depth in steps of
/// next = left + (x goes right), leaves loop to themselves (threshold +∞, NaN left), so the walks of several trees
/// or rows are independent instruction streams the CPU overlaps, with no mispredicted branches.
/// </summary>
internal sealed class PredictionLayout
{
    /// <summary>The most rows <see cref="AddBlock"/> takes at once.</summary>
    public const int MaxBlock = 64;

    private readonly Node[] _nodes;
    private readonly double[] _values;
    private readonly int[] _roots;
    private readonly int[] _depths;

    public PredictionLayout(ReadOnlySpan<EnsembleNode> nodes, ReadOnlySpan<int> roots)
    {
        _nodes = new Node[nodes.Length];
        _values = new double[nodes.Length];
        _roots = roots.ToArray();
        _depths = new int[roots.Length];
        var depth = new int[nodes.Length];
        for (var t = 0; t < roots.Length; t++)
        {
            var end = t + 1 < roots.Length ? roots[t + 1] : nodes.Length;
            for (var i = roots[t]; i < end; i++)
            {
                var n = nodes[i];
                if (n.IsLeaf)
                {
                    _nodes[i] = new Node(double.PositiveInfinity, ~0, i);
                    _values[i] = n.Value;
                    _depths[t] = Math.Max(_depths[t], depth[i] - depth[roots[t]]);
                }
                else
                {
                    _nodes[i] = new Node(n.Value, n.Feature, n.Left);
                    depth[n.Left] = depth[n.Left + 1] = depth[i] + 1;
                }
            }
        }
    }

    public int TreeCount => _roots.Length;

    /// <summary>Adds tree t's value to scores[t mod outputs] for one row; trees are added in order.</summary>
    public void Add(ReadOnlySpan<double> row, Span<double> scores, int outputs)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var x = ref MemoryMarshal.GetReference(row);
        var t = 0;
        var k = 0;
        for (; t + 4 <= _roots.Length; t += 4)
        {
            int a = _roots[t], b = _roots[t + 1], c = _roots[t + 2], d = _roots[t + 3];
            var steps = Math.Max(Math.Max(_depths[t], _depths[t + 1]), Math.Max(_depths[t + 2], _depths[t + 3]));
            for (var s = 0; s < steps; s++)
            {
                a = Step(ref nodes, a, ref x);
                b = Step(ref nodes, b, ref x);
                c = Step(ref nodes, c, ref x);
                d = Step(ref nodes, d, ref x);
            }

            foreach (var leaf in (ReadOnlySpan<int>)[a, b, c, d])
            {
                scores[k] += _values[leaf];
                k = k + 1 == outputs ? 0 : k + 1;
            }
        }

        for (; t < _roots.Length; t++)
        {
            var a = _roots[t];
            for (var s = 0; s < _depths[t]; s++)
            {
                a = Step(ref nodes, a, ref x);
            }

            scores[k] += _values[a];
            k = k + 1 == outputs ? 0 : k + 1;
        }
    }

    /// <summary>Adds every tree to scores of rows [first, first + count) of a row-major matrix: score of row r, output k at dest[r·stride + k].</summary>
    public void AddBlock(ReadOnlySpan<double> values, int width, int first, int count, Span<double> destination, int stride, int outputs)
    {
        if (count > MaxBlock || (long)(first + count) * width > values.Length || (long)((count - 1) * stride) + outputs > destination.Length)
        {
            throw new ArgumentException("The block does not fit the matrix or the destination.");
        }

        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var x0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(values), first * width);
        Span<int> positions = stackalloc int[MaxBlock];
        ref var at = ref MemoryMarshal.GetReference(positions);
        var k = 0;
        for (var t = 0; t < _roots.Length; t++)
        {
            positions.Fill(_roots[t]);
            for (var s = 0; s < _depths[t]; s++)
            {
                ref var x = ref x0;
                for (var r = 0; r < count; r++)
                {
                    Unsafe.Add(ref at, r) = Step(ref nodes, Unsafe.Add(ref at, r), ref x);
                    x = ref Unsafe.Add(ref x, width);
                }
            }

            for (var r = 0; r < count; r++)
            {
                destination[(r * stride) + k] += _values[Unsafe.Add(ref at, r)];
            }

            k = k + 1 == outputs ? 0 : k + 1;
        }
    }

    /// <summary>One branch-free step: left + 1 when x &gt; threshold, or when x is NaN and NaN goes right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, int i, ref double row)
    {
        ref var n = ref Unsafe.Add(ref nodes, i);
        var f = n.Feature;
        var defaultLeft = f >> 31;
        var x = Unsafe.Add(ref row, f ^ defaultLeft);
        var greater = x > n.Threshold ? 1 : 0;
        var notLessOrEqual = x <= n.Threshold ? 0 : 1;
        return n.Left + greater + ((notLessOrEqual - greater) & ~defaultLeft);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Node(double threshold, int feature, int left)
    {
        public readonly double Threshold = threshold;
        public readonly int Feature = feature;
        public readonly int Left = left;
    }
}
