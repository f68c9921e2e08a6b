namespace Vigil.ML.Forests;

/// <summary>A trained, immutable, thread-safe random forest classifier stored as one flattened node array.</summary>
public sealed class RandomForestClassifierModel : IClassifierModel
{
    private readonly double[] _importances;
    private readonly double[]? _oob;

    internal RandomForestClassifierModel(ForestLayout layout, double[] importances, double oobScore, double[]? oobProbabilities, int maxDegreeOfParallelism)
    {
        if (importances.Length != layout.FeatureCount)
        {
            throw new ArgumentException($"There are {importances.Length} importances for {layout.FeatureCount} features.", nameof(importances));
        }

        Layout = layout;
        _importances = importances;
        OobScore = oobScore;
        _oob = oobProbabilities;
        MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism);
    }

    /// <inheritdoc/>
    public int FeatureCount => Layout.FeatureCount;

    /// <inheritdoc/>
    public int ClassCount => Layout.Width;

    /// <summary>The number of trees.</summary>
    public int TreeCount => Layout.TreeCount;

    /// <summary>The number of nodes over all trees.</summary>
    public int NodeCount => Layout.NodeCount;

    /// <summary>Mean impurity decrease per feature (each tree's normalized, averaged, normalized to sum to 1).</summary>
    public ReadOnlySpan<double> FeatureImportances => _importances;

    /// <summary>The out-of-bag accuracy, or NaN when it was not computed.</summary>
    public double OobScore { get; }

    /// <summary>Out-of-bag class probabilities per training row (row-major; NaN for rows never out of bag); empty when not computed or after loading.</summary>
    public ReadOnlySpan<double> OobProbabilities => _oob;

    /// <summary>Threads used to score large batches (the learner's setting; <see cref="Environment.ProcessorCount"/> after loading).</summary>
    public int MaxDegreeOfParallelism { get; }

    internal ForestLayout Layout { get; }

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        Layout.PredictRow(row, probabilities);
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, features.RowCount * ClassCount, nameof(probabilities));
        Layout.PredictBatch(features, probabilities, MaxDegreeOfParallelism);
    }
}
