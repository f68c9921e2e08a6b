namespace Vigil.Data.Cleaning;

/// <summary>A column dropped because too many of its values were missing.</summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="MissingCount">The number of missing values in the frame cleaned.</param>
/// <param name="MissingPercent">The missing share of the frame cleaned, in percent (0–100).</param>
public sealed record DroppedColumn(string Column, long MissingCount, double MissingPercent);
