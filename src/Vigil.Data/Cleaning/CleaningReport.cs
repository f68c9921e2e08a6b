using System.Text.Json;
using Vigil.Data.Internal;

namespace Vigil.Data.Cleaning;

/// <summary>What cleaning changed, rule by rule and column by column; <see cref="ToJson"/> writes snake_case JSON.</summary>
public sealed record CleaningReport
{
    /// <summary>The version of the JSON format written by <see cref="ToJson"/>.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The version of the JSON format this report was written in.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The number of rows in the input frame.</summary>
    public required int InputRows { get; init; }

    /// <summary>The number of columns in the input frame.</summary>
    public required int InputColumns { get; init; }

    /// <summary>The number of rows in the cleaned frame.</summary>
    public required int OutputRows { get; init; }

    /// <summary>The number of columns in the cleaned frame.</summary>
    public required int OutputColumns { get; init; }

    /// <summary>Columns whose names were normalized, in column order.</summary>
    public IReadOnlyList<ColumnRename> RenamedColumns { get; init; } = [];

    /// <summary>Categorical values rewritten, by column then value.</summary>
    public IReadOnlyList<TermChange> NormalizedTerms { get; init; } = [];

    /// <summary>Columns dropped for missing values, in column order.</summary>
    public IReadOnlyList<DroppedColumn> DroppedColumns { get; init; } = [];

    /// <summary>The fraction of missing values above which a column was dropped.</summary>
    public double MaxMissingFraction { get; init; }

    /// <summary>The number of rows quarantined as duplicates of an earlier row.</summary>
    public int DuplicateRowsDropped { get; init; }

    /// <summary>The number of rows quarantined because the target was missing.</summary>
    public int MissingTargetRowsDropped { get; init; }

    /// <summary>Values imputed, per column that had missing values, in column order.</summary>
    public IReadOnlyList<ImputationCount> Imputations { get; init; } = [];

    /// <summary>Outliers per checked column, in column order, with the bounds used (zero counts included).</summary>
    public IReadOnlyList<OutlierCount> Outliers { get; init; } = [];

    /// <summary>The number of rows quarantined for holding an outlier (action drop).</summary>
    public int OutlierRowsDropped { get; init; }

    /// <summary>The number of rows quarantined by every rule together.</summary>
    public int QuarantinedRows => DuplicateRowsDropped + MissingTargetRowsDropped + OutlierRowsDropped;

    /// <summary>The number of values filled by imputation, over all columns.</summary>
    public long ValuesImputed => Imputations.Sum(i => i.Filled);

    /// <summary>The report as indented snake_case JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static CleaningReport FromJson(string json)
    {
        var report = JsonSerializer.Deserialize<CleaningReport>(json, ReportJson.Options)
            ?? throw new JsonException("The JSON document is null, not a cleaning report.");
        return report.FormatVersion is < 1 or > CurrentFormatVersion
            ? throw new JsonException($"Unsupported report format version {report.FormatVersion}; this build reads 1..{CurrentFormatVersion}.")
            : report;
    }

    /// <summary>The report as text: a summary line, then one section per rule that changed something.</summary>
    public string ToText() => CleaningReportFormatter.Format(this);
}
