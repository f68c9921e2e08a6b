namespace Vigil.ML;

/// <summary>Convenience operations over any <see cref="IClassifierModel"/>.</summary>
public static class ClassifierModelExtensions
{
    /// <summary>The probabilities of every row as a new row-major array (RowCount × ClassCount).</summary>
    public static double[] PredictProba(this IClassifierModel model, FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        var result = new double[features.RowCount * model.ClassCount];
        model.PredictProba(features, result);
        return result;
    }

    /// <summary>The probability of class <paramref name="positiveClass"/> (default 1) for every row.</summary>
    public static double[] PredictPositive(this IClassifierModel model, FeatureMatrix features, int positiveClass = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(positiveClass, model.ClassCount);
        var all = model.PredictProba(features);
        var k = model.ClassCount;
        var result = new double[features.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = all[(i * k) + positiveClass];
        }

        return result;
    }

    /// <summary>The most probable class of one row (the lowest index on ties).</summary>
    public static int PredictClass(this IClassifierModel model, ReadOnlySpan<double> row)
    {
        ArgumentNullException.ThrowIfNull(model);
        Span<double> p = model.ClassCount <= 64 ? stackalloc double[model.ClassCount] : new double[model.ClassCount];
        model.PredictProba(row, p);
        var best = 0;
        for (var c = 1; c < p.Length; c++)
        {
            if (p[c] > p[best])
            {
                best = c;
            }
        }

        return best;
    }
}
