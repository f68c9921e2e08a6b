namespace Vigil.ML.Forests;

/// <summary>What every tree of a forest minimizes.</summary>
internal enum ForestCriterion
{
    Gini,
    Entropy,
    SquaredError,
}

/// <summary>The per-tree growth settings of a forest, resolved from its options and the data.</summary>
internal sealed record ForestGrowth(int? MaxDepth, int MinSamplesSplit, int MinSamplesLeaf, int MaxFeatures, ForestCriterion Criterion);

/// <summary>One grown tree: pre-order nodes (offsets relative to the tree), leaf values, and per-feature impurity decrease.</summary>
internal sealed record GrownTree(ForestNode[] Nodes, double[] LeafValues, double[] Decrease);
