using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Data.Internal;
using Vigil.Data.Validation.Leakage;

namespace Vigil.Data.Validation;

/// <summary>
/// Checks a frame before training: completeness, duplicates, schema conformance, constant and identifier columns,
/// the target's class balance and, above all, columns that leak the target. docs/validation.md describes every issue code.
/// </summary>
public static class DataValidator
{
    /// <summary>Validates <paramref name="frame"/>; the report lists every issue, errors first.</summary>
    /// <example><code>
    /// var report = DataValidator.Validate(frame, new ValidationOptions(target: "Machine failure"));
    /// var features = frame.Drop(report.ExcludedColumns);
    /// </code></example>
    public static ValidationReport Validate(DataFrame frame, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        var rows = frame.RowCount;
        var issues = new List<ValidationIssue>();
        var columns = frame.Columns.Select(EncodedColumn.Encode).ToArray();
        if (rows < options.MinRows)
        {
            issues.Add(new(IssueSeverity.Error, IssueCodes.TooFewSamples, null,
                Text($"{rows} rows, fewer than the minimum of {options.MinRows}"), rows));
        }

        var duplicates = DuplicateRows.Count(columns, rows);
        if (duplicates > 0)
        {
            issues.Add(new(IssueSeverity.Warning, IssueCodes.DuplicateRows, null,
                Text($"{duplicates} rows repeat an earlier row in every column"), duplicates));
        }

        if (options.Schema is { } schema)
        {
            SchemaChecks.Check(frame, columns, schema, issues);
        }

        var identifiers = ColumnChecks.Check(columns, rows, options, issues);
        ClassBalance? balance = null;
        IReadOnlyList<LeakageSuspect> suspects = [];
        if (options.Target is { } targetName)
        {
            var index = frame.IndexOf(targetName);
            if (index < 0)
            {
                issues.Add(new(IssueSeverity.Error, IssueCodes.TargetMissing, targetName,
                    Text($"the target column is absent; columns are {string.Join(", ", frame.ColumnNames)}")));
            }
            else
            {
                var target = TargetInfo.Create(columns[index], options.MaxClasses);
                balance = TargetChecks.Check(target, options, issues);
                if (options.Leakage.Enabled && target.Encoded.DistinctCount >= 2)
                {
                    suspects = LeakageDetector.Detect(columns, target, new HashSet<string>(identifiers, StringComparer.Ordinal), options.Leakage);
                    issues.AddRange(suspects.Select(s => new ValidationIssue(IssueSeverity.Warning, IssueCodes.LeakageSuspect, s.Column,
                        Text($"probably leaks '{targetName}' (score {s.Score:F3}, {ValidationReportFormatter.RuleName(s.Rule)}): {s.Evidence}; exclude it from training"),
                        null)));
                }
            }
        }

        return new ValidationReport
        {
            RowCount = rows,
            ColumnCount = frame.ColumnCount,
            Target = options.Target,
            Issues = [.. issues.OrderBy(i => i.Severity)],
            ClassBalance = balance,
            LeakageSuspects = suspects,
            IdentifierColumns = identifiers,
            DuplicateRowCount = duplicates,
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
