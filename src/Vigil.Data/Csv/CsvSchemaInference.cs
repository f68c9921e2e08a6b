using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>How one column is read in a pass.</summary>
/// <param name="Kind">The kind to parse as.</param>
/// <param name="Forced">Whether the kind came from <see cref="CsvReadOptions.ColumnKinds"/> (never widened).</param>
/// <param name="Undetermined">Whether the sample held no value for the column (widens on the first failure).</param>
/// <param name="Widened">Whether the column was widened to text after a pass (Categorical or String decided at the end).</param>
internal readonly record struct ColumnPlan(ColumnKind Kind, bool Forced, bool Undetermined, bool Widened);

/// <summary>The header decision, names and per-column plans inferred from the sample.</summary>
internal sealed record InferredSchema(bool HasHeader, long HeaderLine, string[] Names, ColumnPlan[] Plans, List<string> Warnings);

/// <summary>Detects the header and infers column kinds from a <see cref="CsvSample"/>.</summary>
internal static class CsvSchemaInference
{
    /// <summary>Infers the schema; throws <see cref="CsvFormatException"/> when the head of the input is unusable.</summary>
    public static InferredSchema Infer(CsvSample sample, CsvReadOptions options)
    {
        var records = sample.Records;
        if (records.Count == 0)
        {
            throw sample.FirstBadLine > 0
                ? new CsvFormatException(sample.FirstBadLine, $"no readable record: {sample.FirstBadReason}.")
                : new CsvFormatException(1, "the input is empty.");
        }

        var first = records[0];
        var n = options.HasHeader == true ? first.FieldCount : Mode(records);
        var header = options.HasHeader ?? DetectHeader(records, n, options);
        if (header && first.FieldCount != n)
        {
            throw new CsvFormatException(first.Line, $"the header has {first.FieldCount} fields but most records have {n}.");
        }

        if (header && !first.ValidUtf8)
        {
            throw new CsvFormatException(first.Line, "the header is not valid UTF-8; re-encode the file as UTF-8.");
        }

        var warnings = new List<string>();
        var names = header ? HeaderNames(first.Values, warnings) : [.. Enumerable.Range(1, n).Select(i => $"column_{i}")];
        var data = records.Skip(header ? 1 : 0).Where(r => r.FieldCount == n).ToList();
        var plans = new ColumnPlan[n];
        for (var j = 0; j < n; j++)
        {
            if (options.ColumnKinds is not null && options.ColumnKinds.TryGetValue(names[j], out var forced))
            {
                plans[j] = new ColumnPlan(forced, Forced: true, Undetermined: false, Widened: false);
                continue;
            }

            var (kind, undetermined) = header && data.Count == 0 ? (ColumnKind.String, false) : InferKind(data, j, options);
            plans[j] = new ColumnPlan(kind, Forced: false, undetermined, Widened: false);
        }

        foreach (var name in options.ColumnKinds?.Keys ?? [])
        {
            if (Array.IndexOf(names, name) < 0)
            {
                warnings.Add($"ColumnKinds names '{name}', which is not a column.");
            }
        }

        return new InferredSchema(header, header ? first.Line : 0, names, plans, warnings);
    }

    /// <summary>
    /// Infers a column's kind: Float64, Boolean or Timestamp when at least 1 - WideningFraction of its non-missing
    /// values parse as that kind (checked in that order), otherwise Categorical or String by the distinct-value rule.
    /// A column without values is Float64 and marked undetermined.
    /// </summary>
    internal static (ColumnKind Kind, bool Undetermined) InferKind(IReadOnlyList<SampleRecord> rows, int column, CsvReadOptions options)
    {
        int nonMissing = 0, numbers = 0, booleans = 0, timestamps = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var c = r.Classes[column];
            if (c == FieldClass.Missing)
            {
                continue;
            }

            nonMissing++;
            numbers += (c & FieldClass.Number) != 0 ? 1 : 0;
            booleans += (c & FieldClass.Boolean) != 0 ? 1 : 0;
            timestamps += (c & FieldClass.Timestamp) != 0 ? 1 : 0;
            if (distinct.Count <= options.CategoricalMaxDistinct)
            {
                distinct.Add(r.Values[column]);
            }
        }

        if (nonMissing == 0)
        {
            return (ColumnKind.Float64, true);
        }

        var tolerated = (int)Math.Floor(options.WideningFraction * nonMissing);
        if (nonMissing - numbers <= tolerated && numbers > 0)
        {
            return (ColumnKind.Float64, false);
        }

        if (nonMissing - booleans <= tolerated && booleans > 0)
        {
            return (ColumnKind.Boolean, false);
        }

        if (nonMissing - timestamps <= tolerated && timestamps > 0)
        {
            return (ColumnKind.Timestamp, false);
        }

        var categorical = distinct.Count <= options.CategoricalMaxDistinct && distinct.Count <= options.CategoricalMaxFraction * nonMissing;
        return (categorical ? ColumnKind.Categorical : ColumnKind.String, false);
    }

    /// <summary>
    /// The first record is a header when, in some column, the later records are typed but its own value is text;
    /// or when every column is text (as in most files with named columns).
    /// </summary>
    private static bool DetectHeader(IReadOnlyList<SampleRecord> records, int n, CsvReadOptions options)
    {
        var first = records[0];
        if (first.FieldCount != n)
        {
            return false;
        }

        var data = records.Skip(1).Where(r => r.FieldCount == n).ToList();
        var allText = true;
        for (var j = 0; j < n; j++)
        {
            var own = first.Classes[j];
            var (kind, undetermined) = InferKind(data, j, options);
            var ownIsText = own == FieldClass.Text;
            var typedBelow = !undetermined && kind is ColumnKind.Float64 or ColumnKind.Boolean or ColumnKind.Timestamp;
            if (typedBelow && ownIsText)
            {
                return true;
            }

            allText &= undetermined ? ownIsText : !typedBelow;
        }

        return allText && first.Classes.All(c => c == FieldClass.Text || c == FieldClass.Missing);
    }

    private static string[] HeaderNames(string[] raw, List<string> warnings)
    {
        var names = new string[raw.Length];
        for (var j = 0; j < raw.Length; j++)
        {
            names[j] = raw[j];
            if (string.IsNullOrWhiteSpace(raw[j]))
            {
                names[j] = $"column_{j + 1}";
                warnings.Add($"column {j + 1} has an empty header; named '{names[j]}'.");
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < names.Length; j++)
        {
            if (used.Add(names[j]))
            {
                continue;
            }

            var suffix = 2;
            while (!used.Add($"{names[j]}_{suffix}"))
            {
                suffix++;
            }

            var renamed = $"{names[j]}_{suffix}";
            warnings.Add($"column {j + 1} repeats the header '{names[j]}'; renamed '{renamed}'.");
            names[j] = renamed;
        }

        return names;
    }

    // The most common field count; ties go to the count seen first.
    private static int Mode(IReadOnlyList<SampleRecord> records)
    {
        var counts = new Dictionary<int, int>();
        var best = records[0].FieldCount;
        foreach (var r in records)
        {
            counts[r.FieldCount] = counts.GetValueOrDefault(r.FieldCount) + 1;
            if (counts[r.FieldCount] > counts[best])
            {
                best = r.FieldCount;
            }
        }

        return best;
    }
}
