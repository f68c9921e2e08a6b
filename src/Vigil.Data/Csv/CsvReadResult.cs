using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>The outcome of reading a CSV: the loaded frame, the rows set aside, and a summary.</summary>
/// <param name="Frame">The accepted rows as a typed frame.</param>
/// <param name="Quarantined">The rejected records in input order, each with a located reason.</param>
/// <param name="Summary">Counts, detected dialect, inferred kinds and warnings.</param>
public sealed record CsvReadResult(DataFrame Frame, IReadOnlyList<QuarantinedRow> Quarantined, CsvReadSummary Summary);
