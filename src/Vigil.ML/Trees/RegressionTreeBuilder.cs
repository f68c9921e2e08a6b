namespace Vigil.ML.Trees;

/// <summary>
/// Grows one CART regression tree (Breiman, Friedman, Olshen and Stone 1984, ch. 8) depth first with
/// pre-order numbering, on the same presorted-feature machinery and missing-value rules as
/// <see cref="ClassificationTreeBuilder"/>; the criterion prices splits and picks leaf values.
/// </summary>
internal sealed class RegressionTreeBuilder
{
    private readonly DecisionTreeRegressorOptions _options;
    private readonly int _featureCount;
    private readonly double[] _targets;
    private readonly double[] _weights;
    private readonly PresortedFeatures _features;
    private readonly int[] _featureOrder;
    private readonly Random? _random;
    private readonly int _maxFeatures;
    private readonly double[] _importances;
    private readonly double _rootWeight;
    private readonly RegressionSplitSearch _search;

    private readonly List<TreeNode> _nodes = [];
    private readonly List<double> _values = [];
    private readonly List<double> _cover = [];

    public RegressionTreeBuilder(RegressionSet data, DecisionTreeRegressorOptions options)
    {
        _options = options;
        _featureCount = data.FeatureCount;
        _targets = data.Targets.ToArray();
        _weights = new double[data.RowCount];
        for (var r = 0; r < _weights.Length; r++)
        {
            _weights[r] = data.WeightOf(r);
            _rootWeight += _weights[r];
        }

        if (!(_rootWeight > 0))
        {
            throw new ArgumentException("The training set has no rows with positive weight.", nameof(data));
        }

        _features = new PresortedFeatures(data.Features, _weights);
        _featureOrder = [.. Enumerable.Range(0, _featureCount)];
        _maxFeatures = Math.Min(options.MaxFeatures ?? _featureCount, _featureCount);
        _random = _maxFeatures < _featureCount ? new Random(options.Seed) : null;
        _importances = new double[_featureCount];
        _search = RegressionSplitSearch.Create(options.Criterion, _targets, _weights, options.MinSamplesLeaf, data.RowCount);
    }

    public (FlatTree Tree, double[] Importances) Build(CancellationToken cancellationToken)
    {
        var stack = new Stack<(int Start, int End, int Depth, int Parent, bool IsLeft)>();
        stack.Push((0, _features.ActiveCount, 0, -1, false));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, end, depth, parent, isLeft) = stack.Pop();
            var rows = _features.Rows(0, start, end);
            var id = AddNode(rows, parent, isLeft, out var nodeWeight, out var constant);
            var n = end - start;
            if (constant || depth >= (_options.MaxDepth ?? int.MaxValue) || n < _options.MinSamplesSplit || n < 2 * _options.MinSamplesLeaf)
            {
                continue;
            }

            var parentCost = _search.PrepareNode(rows);
            if (FindBestSplit(start, end, nodeWeight) is not { } s)
            {
                continue;
            }

            var decrease = parentCost - s.ChildrenCost;
            if ((decrease / _rootWeight) + (1e-12 * _search.TieScale / _rootWeight) < _options.MinImpurityDecrease)
            {
                continue;
            }

            _importances[s.Feature] += Math.Max(decrease, 0);
            _nodes[id] = new TreeNode(s.Feature, s.Threshold, -1, -1, s.MissingLeft);
            var leftCount = _features.Partition(start, end, s.Feature, s.Threshold, s.MissingLeft);
            stack.Push((start + leftCount, end, depth + 1, id, false));
            stack.Push((start, start + leftCount, depth + 1, id, true));
        }

        var total = _importances.Sum();
        for (var f = 0; f < _importances.Length && total > 0; f++)
        {
            _importances[f] /= total;
        }

        return (new FlatTree([.. _nodes], [.. _values], 1, [.. _cover]), _importances);
    }

    private int AddNode(ReadOnlySpan<int> rows, int parent, bool isLeft, out double weight, out bool constant)
    {
        weight = 0;
        var first = _targets[rows[0]];
        constant = true;
        foreach (var r in rows)
        {
            weight += _weights[r];
            constant &= _targets[r] == first;
        }

        var id = _nodes.Count;
        _nodes.Add(TreeNode.Leaf);
        _cover.Add(weight);
        _values.Add(_search.LeafValue(rows));
        if (parent >= 0)
        {
            var p = _nodes[parent];
            _nodes[parent] = isLeft ? p with { Left = id } : p with { Right = id };
        }

        return id;
    }

    private SplitSearch.Candidate? FindBestSplit(int start, int end, double nodeWeight)
    {
        _random?.Shuffle(_featureOrder);
        SplitSearch.Candidate? best = null;
        var tolerance = 1e-12 * _search.TieScale;
        for (var visited = 0; visited < _featureCount; visited++)
        {
            if (visited >= _maxFeatures && best is not null)
            {
                break;
            }

            var f = _featureOrder[visited];
            var candidate = _search.Search(f, _features.Rows(f, start, end), _features.Column(f), nodeWeight);
            if (candidate is { } c && (best is null || c.ChildrenCost < best.Value.ChildrenCost - tolerance))
            {
                best = c;
            }
        }

        return best;
    }
}
