namespace Vigil.ML;

/// <summary>A trained, immutable, thread-safe classifier that scores rows of <see cref="FeatureCount"/> features.</summary>
public interface IClassifierModel
{
    /// <summary>The number of features every row must have.</summary>
    int FeatureCount { get; }

    /// <summary>The number of classes; probabilities have this many entries per row.</summary>
    int ClassCount { get; }

    /// <summary>Writes the class probabilities of one row into <paramref name="probabilities"/> (length <see cref="ClassCount"/>) without allocating.</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> values or the destination is too short.</exception>
    void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities);

    /// <summary>Writes the class probabilities of every row, row-major (RowCount × <see cref="ClassCount"/>), without per-row allocation.</summary>
    /// <exception cref="ArgumentException">The matrix does not have <see cref="FeatureCount"/> columns or the destination is too short.</exception>
    void PredictProba(FeatureMatrix features, Span<double> probabilities);
}
