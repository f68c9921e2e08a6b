namespace Vigil.ML.Boosting;

/// <summary>Appends grown trees to one flat node array with raw-value thresholds, then freezes them into a <see cref="BoostedEnsemble"/>.</summary>
internal sealed class EnsembleBuilder
{
    private EnsembleNode[] _nodes;
    private double[] _gains;
    private int[] _roots;
    private int _nodeCount;

    public EnsembleBuilder(int treeCapacity, int nodeCapacity)
    {
        _roots = new int[Math.Max(1, treeCapacity)];
        _nodes = new EnsembleNode[Math.Max(16, nodeCapacity)];
        _gains = new double[_nodes.Length];
    }

    public int TreeCount { get; private set; }

    public void Add(TreeBuffer tree, BinMapper mapper)
    {
        if (TreeCount == _roots.Length)
        {
            Array.Resize(ref _roots, _roots.Length * 2);
        }

        if (_nodeCount + tree.Count > _nodes.Length)
        {
            var size = Math.Max(_nodes.Length * 2, _nodeCount + tree.Count);
            Array.Resize(ref _nodes, size);
            Array.Resize(ref _gains, size);
        }

        var start = _nodeCount;
        _roots[TreeCount++] = start;
        for (var i = 0; i < tree.Count; i++)
        {
            var f = tree.Feature[i];
            _nodes[start + i] = tree.Left[i] == 0
                ? EnsembleNode.Leaf(tree.Value[i])
                : EnsembleNode.Split(f, mapper.Threshold(f, tree.Bin[i]), tree.DefaultLeft[i], start + tree.Left[i]);
            _gains[start + i] = tree.Gain[i];
        }

        _nodeCount += tree.Count;
    }

    /// <summary>Freezes the first <paramref name="keepTrees"/> trees; importances are their split gains per feature, normalized to sum to 1.</summary>
    public BoostedEnsemble Build(int keepTrees, int outputs, int featureCount, double[] baseScores, double[] validationLosses)
    {
        var nodeCount = keepTrees < TreeCount ? _roots[keepTrees] : _nodeCount;
        var importances = new double[featureCount];
        for (var i = 0; i < nodeCount; i++)
        {
            if (!_nodes[i].IsLeaf)
            {
                importances[_nodes[i].FeatureIndex] += _gains[i];
            }
        }

        var total = importances.Sum();
        for (var f = 0; f < featureCount && total > 0; f++)
        {
            importances[f] /= total;
        }

        return new BoostedEnsemble(_nodes[..nodeCount], _roots[..keepTrees], outputs, featureCount, baseScores, importances, validationLosses);
    }
}
