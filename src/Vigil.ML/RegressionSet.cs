namespace Vigil.ML;

/// <summary>Regressor training data: features plus a finite real target per row.</summary>
public sealed class RegressionSet : TrainingSet
{
    private readonly double[] _targets;

    /// <summary>Creates a regression set that takes ownership of <paramref name="targets"/> and <paramref name="sampleWeights"/>.</summary>
    public RegressionSet(FeatureMatrix features, double[] targets, double[]? sampleWeights = null, IReadOnlyList<string>? featureNames = null)
        : base(features, sampleWeights, featureNames)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != features.RowCount)
        {
            throw new ArgumentException($"There are {targets.Length} targets for {features.RowCount} rows.", nameof(targets));
        }

        for (var i = 0; i < targets.Length; i++)
        {
            if (!double.IsFinite(targets[i]))
            {
                throw new ArgumentException($"Target at row {i} is {targets[i]}; targets must be finite.", nameof(targets));
            }
        }

        _targets = targets;
    }

    /// <summary>The target of every row.</summary>
    public ReadOnlySpan<double> Targets => _targets;

    /// <summary>The same features and targets with other sample weights; nothing is copied.</summary>
    public RegressionSet WithSampleWeights(double[]? sampleWeights) => new(Features, _targets, sampleWeights, FeatureNames);
}
