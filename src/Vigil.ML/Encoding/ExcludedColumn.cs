using Vigil.Data.Frames;

namespace Vigil.ML.Encoding;

/// <summary>A column of the training frame that the encoding does not use, and why.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">The column's kind in the training frame.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record ExcludedColumn(string Name, ColumnKind Kind, string Reason);
