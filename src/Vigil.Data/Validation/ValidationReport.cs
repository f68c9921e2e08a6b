using System.Text.Json;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>The result of <see cref="DataValidator.Validate"/>: the issues found plus structured sections for scripts.</summary>
public sealed record ValidationReport
{
    /// <summary>The version of the JSON format written by <see cref="ToJson"/>.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The version of the JSON format this report was written in.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The number of rows validated.</summary>
    public required long RowCount { get; init; }

    /// <summary>The number of columns validated.</summary>
    public required int ColumnCount { get; init; }

    /// <summary>The declared target column, if any.</summary>
    public string? Target { get; init; }

    /// <summary>Every issue, errors first, then warnings, then info; within a severity in the order found.</summary>
    public required IReadOnlyList<ValidationIssue> Issues { get; init; }

    /// <summary>The class distribution of a categorical target; null without a target or for a numeric one.</summary>
    public ClassBalance? ClassBalance { get; init; }

    /// <summary>Columns suspected of leaking the target, strongest first.</summary>
    public IReadOnlyList<LeakageSuspect> LeakageSuspects { get; init; } = [];

    /// <summary>Columns holding a different value in every row.</summary>
    public IReadOnlyList<string> IdentifierColumns { get; init; } = [];

    /// <summary>The number of rows that repeat an earlier row in every column.</summary>
    public long DuplicateRowCount { get; init; }

    /// <summary>Whether any issue is an <see cref="IssueSeverity.Error"/>.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == IssueSeverity.Error);

    /// <summary>The columns a training job should leave out: leakage suspects, then identifiers.</summary>
    public IReadOnlyList<string> ExcludedColumns => [.. LeakageSuspects.Select(s => s.Column).Concat(IdentifierColumns).Distinct(StringComparer.Ordinal)];

    /// <summary>The issues with the given code.</summary>
    public IEnumerable<ValidationIssue> IssuesWithCode(string code) => Issues.Where(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <summary>The report as indented snake_case JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static ValidationReport FromJson(string json)
    {
        var report = JsonSerializer.Deserialize<ValidationReport>(json, ReportJson.Options)
            ?? throw new JsonException("The JSON document is null, not a validation report.");
        return report.FormatVersion is < 1 or > CurrentFormatVersion
            ? throw new JsonException($"Unsupported report format version {report.FormatVersion}; this build reads 1..{CurrentFormatVersion}.")
            : report;
    }

    /// <summary>The report as text: a summary, a prominent leakage block, the sections, then one line per issue.</summary>
    public string ToText() => ValidationReportFormatter.Format(this);
}
