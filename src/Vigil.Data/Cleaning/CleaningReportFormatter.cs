using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Data.Internal;

namespace Vigil.Data.Cleaning;

/// <summary>Renders a <see cref="CleaningReport"/> as plain text.</summary>
internal static class CleaningReportFormatter
{
    /// <summary>The report as text; every line ends with '\n'.</summary>
    public static string Format(CleaningReport report)
    {
        var text = new StringBuilder();
        Line(text, $"Cleaning report: {report.InputRows} rows x {report.InputColumns} columns -> {report.OutputRows} rows x {report.OutputColumns} columns");
        Line(text, $"Rows quarantined: {report.QuarantinedRows} ({report.DuplicateRowsDropped} duplicate, {report.MissingTargetRowsDropped} missing target, {report.OutlierRowsDropped} outlier)");
        Section(text, $"Column names normalized: {report.RenamedColumns.Count}", report.RenamedColumns, r => $"'{r.From}' -> '{r.To}'");
        Section(text, $"Terms normalized: {report.NormalizedTerms.Sum(t => t.Count)}", report.NormalizedTerms,
            t => $"{t.Column}: '{t.From}' -> {(t.To is null ? "missing" : $"'{t.To}'")} ({t.Count})");
        Section(text, $"Columns dropped (more than {NumberText.Percent(report.MaxMissingFraction)} missing): {report.DroppedColumns.Count}", report.DroppedColumns,
            d => $"{d.Column}: {d.MissingCount} missing ({NumberText.Percent(d.MissingPercent / 100)})");
        Section(text, $"Values imputed: {report.ValuesImputed}", report.Imputations,
            i => $"{i.Column}: {i.Filled} by {Name(i.Method)}{Value(i)}{(i.LeftMissing > 0 ? $", {i.LeftMissing} left missing" : string.Empty)}");
        Section(text, $"Outliers: {report.Outliers.Sum(o => o.Count)}", report.Outliers,
            o => $"{o.Column}: {o.Count} {Past(o.Action)} outside [{NumberText.Format(o.Lower)}, {NumberText.Format(o.Upper)}] ({Rule(o)})");
        return text.ToString();
    }

    private static string Rule(OutlierCount o) =>
        o.Method == OutlierMethod.ZScore ? $"|z| > {NumberText.Format(o.Threshold)}" : $"IQR k = {NumberText.Format(o.Threshold)}";

    private static string Past(OutlierAction action) => action switch
    {
        OutlierAction.Clip => "clipped",
        OutlierAction.Flag => "flagged",
        _ => "dropped",
    };

    private static string Value(ImputationCount i) =>
        i.NumericValue is { } v ? $" ({NumberText.Format(v)})" : i.TextValue is { } t ? $" ('{t}')" : string.Empty;

    private static string Name(ImputationMethod method) => JsonNamingPolicy.SnakeCaseLower.ConvertName(method.ToString());

    private static void Section<T>(StringBuilder text, FormattableString heading, IReadOnlyList<T> items, Func<T, FormattableString> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        Line(text, heading);
        foreach (var item in items)
        {
            text.Append("  ");
            Line(text, line(item));
        }
    }

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
