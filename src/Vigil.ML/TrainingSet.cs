namespace Vigil.ML;

/// <summary>The inputs every learner fits on: a feature matrix, optional per-row weights and the feature names.</summary>
public abstract class TrainingSet
{
    private readonly double[]? _weights;
    private readonly string[] _featureNames;

    /// <summary>Validates and stores the shared inputs; <paramref name="sampleWeights"/> null means every row weighs 1.</summary>
    private protected TrainingSet(FeatureMatrix features, double[]? sampleWeights, IReadOnlyList<string>? featureNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
        if (sampleWeights is not null)
        {
            if (sampleWeights.Length != features.RowCount)
            {
                throw new ArgumentException($"There are {sampleWeights.Length} sample weights for {features.RowCount} rows.", nameof(sampleWeights));
            }

            for (var i = 0; i < sampleWeights.Length; i++)
            {
                if (!double.IsFinite(sampleWeights[i]) || sampleWeights[i] < 0)
                {
                    throw new ArgumentException($"Sample weight {i} is {sampleWeights[i]}; weights must be finite and non-negative.", nameof(sampleWeights));
                }
            }
        }

        _weights = sampleWeights;
        _featureNames = featureNames is null
            ? [.. Enumerable.Range(0, features.ColumnCount).Select(i => $"f{i}")]
            : [.. featureNames];
        if (_featureNames.Length != features.ColumnCount)
        {
            throw new ArgumentException($"There are {_featureNames.Length} feature names for {features.ColumnCount} columns.", nameof(featureNames));
        }
    }

    /// <summary>The feature matrix, one row per sample.</summary>
    public FeatureMatrix Features { get; }

    /// <summary>The number of samples.</summary>
    public int RowCount => Features.RowCount;

    /// <summary>The number of features.</summary>
    public int FeatureCount => Features.ColumnCount;

    /// <summary>The feature names (f0, f1, ... when none were given).</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Whether explicit sample weights were given.</summary>
    public bool HasSampleWeights => _weights is not null;

    /// <summary>The per-row weights; empty when every row weighs 1.</summary>
    public ReadOnlySpan<double> SampleWeights => _weights;

    /// <summary>The weight of row <paramref name="row"/> (1 without explicit weights).</summary>
    public double WeightOf(int row) => _weights is null ? 1.0 : _weights[row];
}
