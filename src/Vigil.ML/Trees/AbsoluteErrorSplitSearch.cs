namespace Vigil.ML.Trees;

/// <summary>
/// Absolute-error pricing: Σ w·|y − m| per child around its weighted median m. The node's rows are
/// ranked by target once; Fenwick trees over the ranks hold the left, right and missing rows, so each
/// candidate costs O(log n) instead of a re-sort.
/// </summary>
internal sealed class AbsoluteErrorSplitSearch : RegressionSplitSearch
{
    private readonly int[] _rank;         // node-local target rank of every original row
    private readonly double[] _sorted;    // the node's targets in rank order
    private readonly WeightedFenwick _left, _right, _missing;
    private int[] _order = [];
    private double _scale;
    private int _sortedCount;
    private bool _hasMissing;

    public AbsoluteErrorSplitSearch(double[] targets, double[] weights, int minSamplesLeaf, int rowCount)
        : base(targets, weights, minSamplesLeaf)
    {
        _rank = new int[rowCount];
        _sorted = new double[rowCount];
        _left = new WeightedFenwick(rowCount);
        _right = new WeightedFenwick(rowCount);
        _missing = new WeightedFenwick(rowCount);
    }

    public override double TieScale => _scale;

    public override double PrepareNode(ReadOnlySpan<int> rows)
    {
        if (_order.Length < rows.Length)
        {
            _order = new int[rows.Length];
        }

        _sortedCount = rows.Length;
        var order = _order.AsSpan(0, rows.Length);
        rows.CopyTo(order);
        var targets = Targets;
        order.Sort((a, b) => targets[a] != targets[b] ? targets[a].CompareTo(targets[b]) : a.CompareTo(b));
        _scale = 0;
        for (var i = 0; i < order.Length; i++)
        {
            _rank[order[i]] = i;
            _sorted[i] = targets[order[i]];
            _scale += Weights[order[i]] * Math.Abs(targets[order[i]]);
        }

        Reset(rows, []);
        return SetCost(_right, null);
    }

    public override double LeafValue(ReadOnlySpan<int> rows)
    {
        var pairs = new (double Y, double W)[rows.Length];
        var total = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            pairs[i] = (Targets[rows[i]], Weights[rows[i]]);
            total += pairs[i].W;
        }

        Array.Sort(pairs, (a, b) => a.Y.CompareTo(b.Y));
        var cumulative = 0.0;
        for (var i = 0; i < pairs.Length; i++)
        {
            cumulative += pairs[i].W;
            if (cumulative >= total / 2)
            {
                // Exactly half the weight at or below: the median is the midpoint of the two middle values.
                return Math.Abs(cumulative - (total / 2)) <= 1e-12 * total && i + 1 < pairs.Length ? (pairs[i].Y + pairs[i + 1].Y) / 2 : pairs[i].Y;
            }
        }

        return pairs[^1].Y;
    }

    protected override void Reset(ReadOnlySpan<int> present, ReadOnlySpan<int> missing)
    {
        var size = present.Length + missing.Length;
        _left.Clear(size);
        _right.Clear(size);
        _missing.Clear(size);
        foreach (var r in present)
        {
            _right.Add(_rank[r], Weights[r], Weights[r] * Targets[r]);
        }

        foreach (var r in missing)
        {
            _missing.Add(_rank[r], Weights[r], Weights[r] * Targets[r]);
        }

        _hasMissing = missing.Length > 0;
    }

    protected override void MoveLeft(int row)
    {
        var (w, wy) = (Weights[row], Weights[row] * Targets[row]);
        _left.Add(_rank[row], w, wy);
        _right.Add(_rank[row], -w, -wy);
    }

    protected override double Cost(bool missingLeft)
    {
        var extra = _hasMissing ? _missing : null;
        return missingLeft ? SetCost(_left, extra) + SetCost(_right, null) : SetCost(_left, null) + SetCost(_right, extra);
    }

    protected override double CostPresentVersusMissing()
    {
        var present = SetCost(_right, _left);
        return present + SetCost(_missing, null);
    }

    /// <summary>Σ w·|y − m| over the rows in <paramref name="a"/> (plus <paramref name="b"/>), m their lower weighted median.</summary>
    private double SetCost(WeightedFenwick a, WeightedFenwick? b)
    {
        var last = _sortedCount - 1;
        var (w, s) = a.Prefix(last, b);
        if (!(w > 0))
        {
            return 0;
        }

        var m = a.Search(w / 2, b);
        var median = _sorted[m];
        var (wb, sb) = a.Prefix(m, b);
        return Math.Max(0, (median * wb) - sb + (s - sb) - (median * (w - wb)));
    }
}
