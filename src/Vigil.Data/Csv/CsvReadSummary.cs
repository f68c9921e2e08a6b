using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>What a CSV read did: counts, dialect, inferred column kinds and warnings.</summary>
/// <param name="RowsRead">Data records seen (header and blank lines excluded), accepted or not.</param>
/// <param name="RowsAccepted">Records loaded into the frame.</param>
/// <param name="RowsQuarantined">Records set aside; <c>RowsRead = RowsAccepted + RowsQuarantined</c>.</param>
/// <param name="Delimiter">The delimiter used, given or detected.</param>
/// <param name="HasHeader">Whether the first record was used as the header, given or detected.</param>
/// <param name="Columns">The final name and kind of every column, in order.</param>
/// <param name="WidenedColumns">Columns whose inferred type was widened to text after the full pass.</param>
/// <param name="BytesRead">The input length in bytes, BOM included.</param>
/// <param name="Passes">How many full passes were made over the input (2 when a column widened).</param>
/// <param name="Warnings">Non-fatal findings: renamed headers, skipped blank lines, invalid UTF-8, demoted categoricals.</param>
public sealed record CsvReadSummary(
    long RowsRead,
    long RowsAccepted,
    long RowsQuarantined,
    char Delimiter,
    bool HasHeader,
    IReadOnlyList<ColumnSchema> Columns,
    IReadOnlyList<string> WidenedColumns,
    long BytesRead,
    int Passes,
    IReadOnlyList<string> Warnings);
