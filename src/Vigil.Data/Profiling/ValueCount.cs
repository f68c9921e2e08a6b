namespace Vigil.Data.Profiling;

/// <summary>One distinct value of a column and how many rows hold it.</summary>
/// <param name="Value">The value as invariant text.</param>
/// <param name="Count">The number of rows holding it.</param>
public sealed record ValueCount(string Value, long Count);
