namespace Vigil.ML.Boosting;

/// <summary>A trained, immutable, thread-safe boosted-tree regressor: the base score plus the sum of the trees' leaf values.</summary>
public sealed class HistGradientBoostingRegressorModel : IRegressorModel
{
    private readonly int _degree;

    internal HistGradientBoostingRegressorModel(BoostedEnsemble ensemble, int degreeOfParallelism)
    {
        if (ensemble.Outputs != 1)
        {
            throw new ArgumentException($"A regressor has one output per round, not {ensemble.Outputs}.", nameof(ensemble));
        }

        Ensemble = ensemble;
        _degree = Math.Max(1, degreeOfParallelism);
    }

    /// <inheritdoc/>
    public int FeatureCount => Ensemble.FeatureCount;

    /// <summary>The boosting rounds (= trees) kept (the best round's count after early stopping).</summary>
    public int Rounds => Ensemble.Rounds;

    /// <summary>Each feature's total split gain, normalized to sum to 1 (all zero without splits).</summary>
    public ReadOnlySpan<double> FeatureImportances => Ensemble.Importances;

    /// <summary>The validation loss after every round trained (empty without a validation set).</summary>
    public ReadOnlySpan<double> ValidationLoss => Ensemble.ValidationLosses;

    internal BoostedEnsemble Ensemble { get; }

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        Span<double> score = stackalloc double[1];
        Ensemble.Raw(row, score);
        return score[0];
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(predictions.Length, features.RowCount, nameof(predictions));
        Ensemble.RawBatch(features, predictions, 1, 0, _degree);
    }
}
