namespace Vigil.ML.Trees;

/// <summary>A trained, immutable, thread-safe CART classification tree stored as flat node arrays.</summary>
public sealed class DecisionTreeModel : IClassifierModel
{
    private readonly double[] _importances;

    internal DecisionTreeModel(FlatTree tree, int featureCount, double[] importances)
    {
        if (importances.Length != featureCount)
        {
            throw new ArgumentException($"There are {importances.Length} importances for {featureCount} features.", nameof(importances));
        }

        foreach (var node in tree.Nodes)
        {
            if (node.Feature >= featureCount)
            {
                throw new ArgumentException($"A node tests feature {node.Feature} but the model has {featureCount} features.", nameof(tree));
            }
        }

        Tree = tree;
        FeatureCount = featureCount;
        _importances = importances;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public int ClassCount => Tree.ValueWidth;

    /// <summary>The number of nodes, splits and leaves together.</summary>
    public int NodeCount => Tree.NodeCount;

    /// <summary>The number of leaves.</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>The depth of the deepest leaf (a single-leaf tree has depth 0).</summary>
    public int Depth => Tree.Depth;

    /// <summary>Each feature's total weighted impurity decrease, normalized to sum to 1 (all zero for a single leaf).</summary>
    public ReadOnlySpan<double> FeatureImportances => _importances;

    internal FlatTree Tree { get; }

    /// <summary>The index (in pre-order) of the leaf that <paramref name="row"/> lands in.</summary>
    public int LeafIndex(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        return Tree.FindLeaf(row);
    }

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        Tree.ValueOf(Tree.FindLeaf(row)).CopyTo(probabilities);
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var k = ClassCount;
        ModelShape.CheckDestination(probabilities.Length, features.RowCount * k, nameof(probabilities));
        var values = features.Values;
        var width = FeatureCount;
        for (var i = 0; i < features.RowCount; i++)
        {
            var leaf = Tree.FindLeaf(values.Slice(i * width, width));
            Tree.ValueOf(leaf).CopyTo(probabilities.Slice(i * k, k));
        }
    }
}
