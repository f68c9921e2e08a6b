namespace Vigil.ML.Validation;

/// <summary>Copies of training sets restricted to some rows (features, labels or targets, weights, names).</summary>
internal static class TrainingSubset
{
    public static ClassificationSet Take(ClassificationSet set, ReadOnlySpan<int> rows)
    {
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = set.Labels[rows[i]];
        }

        return new ClassificationSet(set.Features.Take(rows), labels, set.ClassCount, Weights(set, rows), set.FeatureNames);
    }

    public static RegressionSet Take(RegressionSet set, ReadOnlySpan<int> rows)
    {
        var targets = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            targets[i] = set.Targets[rows[i]];
        }

        return new RegressionSet(set.Features.Take(rows), targets, Weights(set, rows), set.FeatureNames);
    }

    private static double[]? Weights(TrainingSet set, ReadOnlySpan<int> rows)
    {
        if (!set.HasSampleWeights)
        {
            return null;
        }

        var weights = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            weights[i] = set.SampleWeights[rows[i]];
        }

        return weights;
    }
}
