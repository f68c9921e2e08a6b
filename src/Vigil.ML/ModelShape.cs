namespace Vigil.ML;

/// <summary>Shared argument checks for model inputs, so every model fails fast with the same messages.</summary>
internal static class ModelShape
{
    public static void CheckRow(ReadOnlySpan<double> row, int featureCount)
    {
        if (row.Length != featureCount)
        {
            throw new ArgumentException($"Expected a row of {featureCount} features but got {row.Length}.", nameof(row));
        }
    }

    public static void CheckMatrix(FeatureMatrix features, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.ColumnCount != featureCount)
        {
            throw new ArgumentException($"Expected {featureCount} feature columns but the matrix has {features.ColumnCount}.", nameof(features));
        }
    }

    public static void CheckDestination(int length, int required, string name)
    {
        if (length < required)
        {
            throw new ArgumentException($"The destination holds {length} values but {required} are needed.", name);
        }
    }
}
