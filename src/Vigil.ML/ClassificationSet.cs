namespace Vigil.ML;

/// <summary>Classifier training data: features plus a class index in [0, <see cref="ClassCount"/>) per row.</summary>
public sealed class ClassificationSet : TrainingSet
{
    private readonly int[] _labels;

    /// <summary>Creates a classification set that takes ownership of <paramref name="labels"/> and <paramref name="sampleWeights"/>.</summary>
    public ClassificationSet(FeatureMatrix features, int[] labels, int classCount, double[]? sampleWeights = null, IReadOnlyList<string>? featureNames = null)
        : base(features, sampleWeights, featureNames)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (labels.Length != features.RowCount)
        {
            throw new ArgumentException($"There are {labels.Length} labels for {features.RowCount} rows.", nameof(labels));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Label {labels[i]} at row {i} is outside [0, {classCount}).", nameof(labels));
            }
        }

        _labels = labels;
        ClassCount = classCount;
    }

    /// <summary>The class index of every row.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The number of classes the model must score (some may have no rows).</summary>
    public int ClassCount { get; }

    /// <summary>The same features and labels with other sample weights (e.g. bootstrap counts for a forest); nothing is copied.</summary>
    public ClassificationSet WithSampleWeights(double[]? sampleWeights) =>
        new(Features, _labels, ClassCount, sampleWeights, FeatureNames);
}
