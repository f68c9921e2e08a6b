namespace Vigil.Data.Cleaning;

/// <summary>A column whose name was normalized.</summary>
/// <param name="From">The name in the input frame.</param>
/// <param name="To">The name in the cleaned frame.</param>
public sealed record ColumnRename(string From, string To);
