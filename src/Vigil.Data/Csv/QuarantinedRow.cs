namespace Vigil.Data.Csv;

/// <summary>A record that was set aside instead of loaded, with where it starts and why.</summary>
/// <param name="LineNumber">The 1-based physical line on which the record starts.</param>
/// <param name="Reason">A located, human-readable reason, e.g. <c>line 42: expected 14 fields, found 13</c>.</param>
/// <param name="RawText">The record's text without its line terminator (truncated to 8,192 bytes).</param>
public sealed record QuarantinedRow(long LineNumber, string Reason, string RawText);
