namespace Vigil.ML.Trees;

/// <summary>
/// Grows one CART classification tree (Breiman, Friedman, Olshen and Stone 1984, "Classification and
/// Regression Trees"), depth first with pre-order node numbering. Each feature's rows are sorted once;
/// after every split the per-feature orders are partitioned stably, so a node's search is linear in
/// its rows. Missing values (NaN) sit after the sorted values; every candidate threshold is tried with
/// the missing rows on the left and on the right and the better side is learned as the default
/// direction, plus the split "present vs missing" itself. Nodes whose rows had no missing values
/// send missing values to the heavier child.
/// </summary>
internal sealed class ClassificationTreeBuilder
{
    private const double Tolerance = 1e-12;

    private readonly DecisionTreeOptions _options;
    private readonly int _classCount;
    private readonly int _featureCount;
    private readonly int[] _labels;
    private readonly double[] _weights;  // sample weight × class weight per original row
    private readonly PresortedFeatures _features;
    private readonly int[] _featureOrder;
    private readonly Random? _random;
    private readonly int _maxFeatures;
    private readonly double[] _importances;
    private readonly double _rootWeight;
    private readonly SplitSearch _search;

    private readonly List<TreeNode> _nodes = [];
    private readonly List<double> _values = [];
    private readonly List<double> _cover = [];

    public ClassificationTreeBuilder(ClassificationSet data, DecisionTreeOptions options)
    {
        _options = options;
        _classCount = data.ClassCount;
        _featureCount = data.FeatureCount;
        _labels = data.Labels.ToArray();
        _weights = RowWeights(data, options.ClassWeighting);
        _rootWeight = _weights.Sum();
        if (!(_rootWeight > 0))
        {
            throw new ArgumentException("The training set has no rows with positive weight.", nameof(data));
        }

        _features = new PresortedFeatures(data.Features, _weights);
        _featureOrder = [.. Enumerable.Range(0, _featureCount)];
        _maxFeatures = Math.Min(options.MaxFeatures ?? _featureCount, _featureCount);
        _random = _maxFeatures < _featureCount ? new Random(options.Seed) : null;
        _importances = new double[_featureCount];
        _search = new SplitSearch(_classCount, options.Criterion, options.MinSamplesLeaf);
    }

    public (FlatTree Tree, double[] Importances) Build(CancellationToken cancellationToken)
    {
        var stack = new Stack<(int Start, int End, int Depth, int Parent, bool IsLeft)>();
        stack.Push((0, _features.ActiveCount, 0, -1, false));
        Span<double> counts = _classCount <= 64 ? stackalloc double[_classCount] : new double[_classCount];
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, end, depth, parent, isLeft) = stack.Pop();
            var id = AddNode(start, end, parent, isLeft, counts, out var nodeWeight);
            if (IsTerminal(start, end, depth, counts))
            {
                continue;
            }

            var split = FindBestSplit(start, end, counts, nodeWeight);
            if (split is not { } s)
            {
                continue;
            }

            var parentCost = Impurity.Weighted(_options.Criterion, counts, nodeWeight);
            var decrease = parentCost - s.ChildrenCost;
            if ((decrease / _rootWeight) + Tolerance < _options.MinImpurityDecrease)
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
        if (total > 0)
        {
            for (var f = 0; f < _importances.Length; f++)
            {
                _importances[f] /= total;
            }
        }

        return (new FlatTree([.. _nodes], [.. _values], _classCount, [.. _cover]), _importances);
    }

    private int AddNode(int start, int end, int parent, bool isLeft, Span<double> counts, out double weight)
    {
        counts.Clear();
        weight = 0;
        foreach (var r in _features.Rows(0, start, end))
        {
            counts[_labels[r]] += _weights[r];
            weight += _weights[r];
        }

        var id = _nodes.Count;
        _nodes.Add(TreeNode.Leaf);
        _cover.Add(weight);
        foreach (var c in counts)
        {
            _values.Add(c / weight);
        }

        if (parent >= 0)
        {
            var p = _nodes[parent];
            _nodes[parent] = isLeft ? p with { Left = id } : p with { Right = id };
        }

        return id;
    }

    private bool IsTerminal(int start, int end, int depth, ReadOnlySpan<double> counts)
    {
        var n = end - start;
        if (depth >= (_options.MaxDepth ?? int.MaxValue) || n < _options.MinSamplesSplit || n < 2 * _options.MinSamplesLeaf)
        {
            return true;
        }

        var nonZero = 0;
        foreach (var c in counts)
        {
            nonZero += c > 0 ? 1 : 0;
        }

        return nonZero <= 1;
    }

    private SplitSearch.Candidate? FindBestSplit(int start, int end, ReadOnlySpan<double> counts, double nodeWeight)
    {
        if (_random is not null)
        {
            _random.Shuffle(_featureOrder);
        }

        SplitSearch.Candidate? best = null;
        for (var visited = 0; visited < _featureCount; visited++)
        {
            if (visited >= _maxFeatures && best is not null)
            {
                break;
            }

            var f = _featureOrder[visited];
            var candidate = _search.Search(f, _features.Rows(f, start, end), _features.Column(f), _labels, _weights, counts, nodeWeight);
            if (candidate is { } c && (best is null || c.ChildrenCost < best.Value.ChildrenCost - (Tolerance * nodeWeight)))
            {
                best = c;
            }
        }

        return best;
    }

    private static double[] RowWeights(ClassificationSet data, ClassWeighting weighting)
    {
        var weights = new double[data.RowCount];
        for (var r = 0; r < weights.Length; r++)
        {
            weights[r] = data.WeightOf(r);
        }

        if (weighting == ClassWeighting.Balanced)
        {
            var perClass = new double[data.ClassCount];
            var labels = data.Labels;
            for (var r = 0; r < weights.Length; r++)
            {
                perClass[labels[r]] += weights[r];
            }

            var total = perClass.Sum();
            var present = perClass.Count(w => w > 0);
            for (var r = 0; r < weights.Length; r++)
            {
                weights[r] = weights[r] > 0 ? weights[r] * total / (present * perClass[labels[r]]) : 0;
            }
        }

        return weights;
    }
}
