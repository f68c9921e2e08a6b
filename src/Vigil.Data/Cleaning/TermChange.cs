namespace Vigil.Data.Cleaning;

/// <summary>One categorical value rewritten by term normalization, and in how many rows.</summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="From">The value in the input frame.</param>
/// <param name="To">The normalized value; null when the value was blank and became missing.</param>
/// <param name="Count">The number of rows rewritten.</param>
public sealed record TermChange(string Column, string From, string? To, long Count);
