using Vigil.Data.Frames;

namespace Vigil.ML.Encoding;

/// <summary>
/// The untrained tabular encoder: learns from a training frame which columns become which features.
/// Float64 columns pass through (NaN stays NaN); Boolean columns become 0/1 (missing → NaN);
/// Categorical columns become one indicator per category seen in training, ordinally sorted and
/// named <c>Column=Value</c>. String and Timestamp columns, and categorical columns with no
/// non-missing value, are excluded and reported in <see cref="TabularEncoding.ExcludedColumns"/>.
/// </summary>
public sealed class TabularEncoder
{
    /// <summary>Creates an encoder with the given options (default: no target, nothing excluded).</summary>
    public TabularEncoder(TabularEncoderOptions? options = null)
    {
        Options = options ?? new TabularEncoderOptions();
        ArgumentNullException.ThrowIfNull(Options.Exclude);
    }

    /// <summary>The options.</summary>
    public TabularEncoderOptions Options { get; }

    /// <summary>Learns the encoding of <paramref name="training"/>; throws naming the target or excluded columns that do not exist.</summary>
    public TabularEncoding Fit(DataFrame training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var unknown = Options.Exclude.Append(Options.Target).OfType<string>().Where(n => !training.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Columns not in the training frame: {string.Join(", ", unknown.Select(n => $"'{n}'"))}. Columns: {string.Join(", ", training.ColumnNames)}.",
                nameof(training));
        }

        var exclude = new HashSet<string>(Options.Exclude, StringComparer.Ordinal);
        var inputs = new List<ColumnSchema>();
        var excluded = new List<ExcludedColumn>();
        foreach (var column in training.Columns)
        {
            if (column.Name == Options.Target)
            {
                continue;
            }

            if (exclude.Contains(column.Name))
            {
                excluded.Add(new ExcludedColumn(column.Name, column.Kind, "excluded by the caller"));
                continue;
            }

            switch (column)
            {
                case Float64Column or BooleanColumn:
                    inputs.Add(new ColumnSchema(column.Name, column.Kind));
                    break;
                case CategoricalColumn categorical:
                    var seen = SeenCategories(categorical);
                    if (seen.Length == 0)
                    {
                        excluded.Add(new ExcludedColumn(column.Name, column.Kind, "no non-missing value in the training frame"));
                    }
                    else
                    {
                        inputs.Add(new ColumnSchema(column.Name, column.Kind, AllowedValues: seen));
                    }

                    break;
                default:
                    excluded.Add(new ExcludedColumn(column.Name, column.Kind, $"{column.Kind} columns are not encoded"));
                    break;
            }
        }

        return new TabularEncoding(new FrameSchema(inputs), excluded);
    }

    private static string[] SeenCategories(CategoricalColumn column)
    {
        var used = new bool[column.Categories.Count];
        foreach (var code in column.Codes)
        {
            if (code >= 0)
            {
                used[code] = true;
            }
        }

        var seen = column.Categories.Where((_, i) => used[i]).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(seen, StringComparer.Ordinal);
        return seen;
    }
}
