namespace Vigil.ML.Trees;

/// <summary>A trained, immutable, thread-safe CART regression tree stored as flat node arrays.</summary>
public sealed class DecisionTreeRegressorModel : IRegressorModel
{
    private readonly double[] _importances;

    internal DecisionTreeRegressorModel(FlatTree tree, int featureCount, double[] importances)
    {
        if (importances.Length != featureCount || tree.ValueWidth != 1)
        {
            throw new ArgumentException($"There are {importances.Length} importances for {featureCount} features, value width {tree.ValueWidth}.", nameof(importances));
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
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        return Tree.Values[Tree.FindLeaf(row)];
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(predictions.Length, features.RowCount, nameof(predictions));
        var values = features.Values;
        var leafValues = Tree.Values;
        var width = FeatureCount;
        for (var i = 0; i < features.RowCount; i++)
        {
            predictions[i] = leafValues[Tree.FindLeaf(values.Slice(i * width, width))];
        }
    }
}
