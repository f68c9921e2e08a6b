namespace Vigil.Data.Validation;

/// <summary>The class distribution of a categorical (classification) target.</summary>
/// <param name="Target">The target column.</param>
/// <param name="Classes">Every class, most frequent first, ties in ordinal order of label.</param>
/// <param name="MinorityClass">The rarest class.</param>
/// <param name="MinorityShare">The rarest class's share of labelled rows (0–1).</param>
public sealed record ClassBalance(string Target, IReadOnlyList<ClassCount> Classes, string MinorityClass, double MinorityShare);
