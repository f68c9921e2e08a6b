namespace Vigil.Data.Validation;

/// <summary>One class of the target and how many labelled rows it has.</summary>
/// <param name="Label">The class value as invariant text.</param>
/// <param name="Count">The number of rows with this class.</param>
/// <param name="Share">The fraction of labelled rows with this class (0–1).</param>
public sealed record ClassCount(string Label, long Count, double Share);
