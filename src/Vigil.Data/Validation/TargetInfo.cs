using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>
/// The target column prepared for the checks: a classification target as class codes per row, or a numeric
/// (regression) target as values. A <see cref="Float64Column"/> with at most <c>maxClasses</c> distinct values is
/// treated as classes (0/1 labels are usually stored as numbers).
/// </summary>
internal sealed class TargetInfo
{
    private TargetInfo(EncodedColumn encoded, bool isClassification)
    {
        Encoded = encoded;
        IsClassification = isClassification;
        if (isClassification && encoded.DistinctCount > 0)
        {
            // The positive class is the rarest; on a tie, the ordinally greater label ("1" over "0", "true" over "false").
            PositiveClass = Enumerable.Range(0, encoded.DistinctCount)
                .OrderBy(c => encoded.Counts[c])
                .ThenByDescending(c => encoded.Labels[c], StringComparer.Ordinal)
                .First();
        }
    }

    /// <summary>The target column's name.</summary>
    public string Name => Encoded.Source.Name;

    /// <summary>The target encoded as codes (classification) or for missing-value bookkeeping (regression).</summary>
    public EncodedColumn Encoded { get; }

    /// <summary>Whether the target is treated as classes.</summary>
    public bool IsClassification { get; }

    /// <summary>Whether the target has exactly two classes.</summary>
    public bool IsBinary => IsClassification && Encoded.DistinctCount == 2;

    /// <summary>The code of the rarest class (the "positive" class of a binary target); -1 without classes.</summary>
    public int PositiveClass { get; } = -1;

    /// <summary>The label of <see cref="PositiveClass"/>.</summary>
    public string PositiveLabel => Encoded.Labels[PositiveClass];

    /// <summary>The share of labelled rows in the positive class.</summary>
    public double PositiveRate => (double)Encoded.Counts[PositiveClass] / Encoded.PresentCount;

    /// <summary>The numeric values of a regression target (NaN where missing); null for classification.</summary>
    public Float64Column? Numeric => IsClassification ? null : (Float64Column)Encoded.Source;

    /// <summary>Prepares <paramref name="encoded"/> as a target.</summary>
    public static TargetInfo Create(EncodedColumn encoded, int maxClasses) =>
        new(encoded, encoded.Source.Kind != ColumnKind.Float64 || encoded.DistinctCount <= maxClasses);
}
