namespace Vigil.ML.Preprocessing;

/// <summary>Rejects missing or infinite feature values for learners that cannot handle them.</summary>
internal static class FeatureGuard
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first row and feature that is NaN or infinite.</summary>
    public static void RequireFinite(FeatureMatrix features, IReadOnlyList<string>? names, string learner, string parameter)
    {
        var values = features.Values;
        var d = features.ColumnCount;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var (row, feature) = (i / d, i % d);
                var name = names is null ? $"f{feature}" : names[feature];
                var what = double.IsNaN(values[i]) ? "NaN (missing)" : values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new ArgumentException(
                    $"Row {row}, feature {feature} ('{name}') is {what}; {learner} does not handle NaN or infinite values — impute them first.", parameter);
            }
        }
    }
}
