using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>Checks a frame against a declared <see cref="FrameSchema"/>: presence, kind, Min/Max, AllowedValues and Required.</summary>
internal static class SchemaChecks
{
    /// <summary>Adds one issue per violated constraint to <paramref name="issues"/>.</summary>
    public static void Check(DataFrame frame, IReadOnlyList<EncodedColumn> columns, FrameSchema schema, List<ValidationIssue> issues)
    {
        foreach (var expected in schema.Columns)
        {
            var index = frame.IndexOf(expected.Name);
            if (index < 0)
            {
                issues.Add(new(IssueSeverity.Error, IssueCodes.MissingColumn, expected.Name, "declared by the schema but absent from the frame"));
                continue;
            }

            var actual = columns[index];
            if (actual.Source.Kind != expected.Kind)
            {
                issues.Add(new(IssueSeverity.Error, IssueCodes.TypeMismatch, expected.Name,
                    Text($"the schema says {Kind(expected.Kind)} but the column is {Kind(actual.Source.Kind)}")));
                continue;
            }

            if (expected.Required && actual.MissingCount > 0)
            {
                issues.Add(new(IssueSeverity.Error, IssueCodes.OutOfRange, expected.Name,
                    Text($"required, but {actual.MissingCount} values are missing"), actual.MissingCount));
            }

            if (actual.Source is Float64Column f && (expected.Min is not null || expected.Max is not null))
            {
                CheckRange(f, expected, issues);
            }

            if (expected.AllowedValues is { } allowed)
            {
                var set = new HashSet<string>(allowed, StringComparer.Ordinal);
                long outside = 0;
                var examples = new List<string>();
                for (var code = 0; code < actual.DistinctCount; code++)
                {
                    if (!set.Contains(actual.Labels[code]))
                    {
                        outside += actual.Counts[code];
                        examples.Add(actual.Labels[code]);
                    }
                }

                if (outside > 0)
                {
                    var shown = string.Join(", ", examples.Order(StringComparer.Ordinal).Take(5).Select(e => $"'{e}'"));
                    issues.Add(new(IssueSeverity.Error, IssueCodes.OutOfRange, expected.Name,
                        Text($"{outside} values outside the allowed set, e.g. {shown}"), outside));
                }
            }
        }
    }

    private static void CheckRange(Float64Column column, ColumnSchema expected, List<ValidationIssue> issues)
    {
        long below = 0, above = 0;
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        foreach (var v in column.Values)
        {
            if (v < expected.Min)
            {
                below++;
                lowest = Math.Min(lowest, v);
            }
            else if (v > expected.Max)
            {
                above++;
                highest = Math.Max(highest, v);
            }
        }

        if (below > 0)
        {
            issues.Add(new(IssueSeverity.Error, IssueCodes.OutOfRange, expected.Name,
                Text($"{below} values below the minimum {expected.Min} (lowest {lowest})"), below));
        }

        if (above > 0)
        {
            issues.Add(new(IssueSeverity.Error, IssueCodes.OutOfRange, expected.Name,
                Text($"{above} values above the maximum {expected.Max} (highest {highest})"), above));
        }
    }

    private static string Kind(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
