using System.Globalization;
using System.Text;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>Renders a <see cref="ValidationReport"/> as plain text.</summary>
internal static class ValidationReportFormatter
{
    /// <summary>The report as text; every line ends with '\n'.</summary>
    public static string Format(ValidationReport report)
    {
        var text = new StringBuilder();
        var target = report.Target is null ? string.Empty : $", target '{report.Target}'";
        Line(text, $"Validation report: {report.RowCount} rows x {report.ColumnCount} columns{target}");
        Line(text, $"Result: {Count(report, IssueSeverity.Error)} errors, {Count(report, IssueSeverity.Warning)} warnings, {Count(report, IssueSeverity.Info)} info");
        if (report.LeakageSuspects.Count > 0)
        {
            var width = report.LeakageSuspects.Max(s => s.Column.Length);
            Line(text, $"");
            Line(text, $"!!! TARGET LEAKAGE SUSPECTED: exclude {report.LeakageSuspects.Count} column(s) before training !!!");
            foreach (var s in report.LeakageSuspects)
            {
                Line(text, $"!!!   {s.Column.PadRight(width)}  score {s.Score:F3}  {RuleName(s.Rule)}: {s.Evidence}");
            }
        }

        Line(text, $"");
        if (report.ClassBalance is { } balance)
        {
            var classes = string.Join(", ", balance.Classes.Select(c => $"{c.Label}: {c.Count} ({NumberText.Percent(c.Share)})"));
            Line(text, $"Class balance of '{balance.Target}': {classes}; minority '{balance.MinorityClass}' {NumberText.Percent(balance.MinorityShare)}");
        }

        Line(text, $"Duplicate rows: {report.DuplicateRowCount}");
        if (report.IdentifierColumns.Count > 0)
        {
            Line(text, $"Identifier columns: {string.Join(", ", report.IdentifierColumns)}");
        }

        Line(text, $"");
        Line(text, $"{(report.Issues.Count == 0 ? "No issues." : $"Issues ({report.Issues.Count}):")}");
        foreach (var issue in report.Issues)
        {
            var severity = issue.Severity.ToString().ToUpperInvariant().PadRight(7);
            var column = issue.Column is null ? string.Empty : $"[{issue.Column}] ";
            Line(text, $"{severity}  {issue.Code,-17}  {column}{issue.Message}");
        }

        return text.ToString();
    }

    /// <summary>The snake_case name of a rule, as written in JSON.</summary>
    public static string RuleName(LeakageRule rule) => rule switch
    {
        LeakageRule.NearCopy => "near_copy",
        LeakageRule.ValueImpliesTarget => "value_implies_target",
        LeakageRule.RankAuc => "rank_auc",
        LeakageRule.RankCorrelation => "rank_correlation",
        LeakageRule.TargetDecomposition => "target_decomposition",
        _ => rule.ToString(),
    };

    private static int Count(ValidationReport report, IssueSeverity severity) => report.Issues.Count(i => i.Severity == severity);

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
