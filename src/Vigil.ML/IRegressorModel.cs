namespace Vigil.ML;

/// <summary>A trained, immutable, thread-safe regressor that scores rows of <see cref="FeatureCount"/> features.</summary>
public interface IRegressorModel
{
    /// <summary>The number of features every row must have.</summary>
    int FeatureCount { get; }

    /// <summary>The prediction for one row, without allocating.</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> values.</exception>
    double Predict(ReadOnlySpan<double> row);

    /// <summary>Writes one prediction per row into <paramref name="predictions"/>, without per-row allocation.</summary>
    /// <exception cref="ArgumentException">The matrix does not have <see cref="FeatureCount"/> columns or the destination is too short.</exception>
    void Predict(FeatureMatrix features, Span<double> predictions);
}
