namespace Vigil.ML.Forests;

/// <summary>A trained, immutable, thread-safe random forest regressor stored as one flattened node array.</summary>
public sealed class RandomForestRegressorModel : IRegressorModel
{
    private readonly double[] _importances;
    private readonly double[]? _oob;

    internal RandomForestRegressorModel(ForestLayout layout, double[] importances, double oobScore, double[]? oobPredictions, int maxDegreeOfParallelism)
    {
        if (importances.Length != layout.FeatureCount || layout.Width != 1)
        {
            throw new ArgumentException($"There are {importances.Length} importances for {layout.FeatureCount} features, value width {layout.Width}.", nameof(importances));
        }

        Layout = layout;
        _importances = importances;
        OobScore = oobScore;
        _oob = oobPredictions;
        MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism);
    }

    /// <inheritdoc/>
    public int FeatureCount => Layout.FeatureCount;

    /// <summary>The number of trees.</summary>
    public int TreeCount => Layout.TreeCount;

    /// <summary>The number of nodes over all trees.</summary>
    public int NodeCount => Layout.NodeCount;

    /// <summary>Mean impurity decrease per feature (each tree's normalized, averaged, normalized to sum to 1).</summary>
    public ReadOnlySpan<double> FeatureImportances => _importances;

    /// <summary>The out-of-bag R², or NaN when it was not computed.</summary>
    public double OobScore { get; }

    /// <summary>Out-of-bag predictions per training row (NaN for rows never out of bag); empty when not computed or after loading.</summary>
    public ReadOnlySpan<double> OobPredictions => _oob;

    /// <summary>Threads used to score large batches (the learner's setting; <see cref="Environment.ProcessorCount"/> after loading).</summary>
    public int MaxDegreeOfParallelism { get; }

    internal ForestLayout Layout { get; }

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        Span<double> result = stackalloc double[1];
        Layout.PredictRow(row, result);
        return result[0];
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(predictions.Length, features.RowCount, nameof(predictions));
        Layout.PredictBatch(features, predictions, MaxDegreeOfParallelism);
    }
}
