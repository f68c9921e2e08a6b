using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>Checks that need only one column: missing values, constant columns, identifiers and numbers stored as text.</summary>
internal static class ColumnChecks
{
    /// <summary>Adds the column issues to <paramref name="issues"/> and returns the identifier columns in frame order.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<EncodedColumn> columns, int rows, ValidationOptions options, List<ValidationIssue> issues)
    {
        var identifiers = new List<string>();
        if (rows == 0)
        {
            return identifiers;
        }

        foreach (var c in columns)
        {
            var name = c.Source.Name;
            if (c.MissingCount > 0)
            {
                var fraction = (double)c.MissingCount / rows;
                var severity = fraction >= options.MissingWarningFraction ? IssueSeverity.Warning : IssueSeverity.Info;
                issues.Add(new(severity, IssueCodes.MissingValues, name, Text($"{c.MissingCount} of {rows} values missing ({NumberText.Percent(fraction)})"), c.MissingCount));
            }

            if (c.DistinctCount <= 1)
            {
                var message = c.DistinctCount == 0 ? "every value is missing" : Text($"every present value is '{c.Labels[0]}'");
                issues.Add(new(IssueSeverity.Warning, IssueCodes.ConstantColumn, name, message, c.PresentCount));
            }

            if (name != options.Target && IsIdentifier(c, rows, options))
            {
                identifiers.Add(name);
                issues.Add(new(IssueSeverity.Warning, IssueCodes.IdentifierColumn, name,
                    Text($"a different value in each of the {rows} rows: an identifier, not a feature (exclude it from training)"), rows));
            }

            if (c.Source.Kind is ColumnKind.String or ColumnKind.Categorical && c.PresentCount > 0)
            {
                var numeric = NumericCount(c);
                var share = (double)numeric / c.PresentCount;
                if (share >= options.NumericTextFraction)
                {
                    issues.Add(new(IssueSeverity.Warning, IssueCodes.TypeMismatch, name,
                        Text($"a {c.Source.Kind.ToString().ToLowerInvariant()} column whose values are {NumberText.Percent(share, 1)} numbers; read it as float64"), numeric));
                }
            }
        }

        return identifiers;
    }

    /// <summary>
    /// Unique in every row (so never missing) in a frame of at least <see cref="ValidationOptions.IdentifierMinRows"/> rows;
    /// text columns qualify as they are, numeric ones only when every value is an integer (row numbers, serials) since a
    /// continuous measurement is often unique too. Timestamps and booleans never qualify.
    /// </summary>
    private static bool IsIdentifier(EncodedColumn c, int rows, ValidationOptions options)
    {
        if (rows < options.IdentifierMinRows || c.DistinctCount != rows)
        {
            return false;
        }

        return c.Source switch
        {
            CategoricalColumn or StringColumn => true,
            Float64Column f => AllIntegers(f.Values),
            _ => false,
        };
    }

    private static bool AllIntegers(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (v != Math.Floor(v) || double.IsInfinity(v))
            {
                return false;
            }
        }

        return true;
    }

    private static long NumericCount(EncodedColumn c)
    {
        long n = 0;
        for (var code = 0; code < c.DistinctCount; code++)
        {
            if (double.TryParse(c.Labels[code], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                n += c.Counts[code];
            }
        }

        return n;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
