namespace Vigil.ML.Boosting;

/// <summary>Bin codes stored column-major (all rows of feature 0, then feature 1, ...) for histogram building.</summary>
internal sealed class BinnedMatrix(byte[] codes, int rowCount, int featureCount)
{
    public int RowCount { get; } = rowCount;

    public int FeatureCount { get; } = featureCount;

    public byte[] Codes { get; } = codes;

    public ReadOnlySpan<byte> Column(int feature) => new(Codes, feature * RowCount, RowCount);
}
