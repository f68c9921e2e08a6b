using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.Data.Internal;

/// <summary>
/// Any column re-encoded as dense codes into a table of distinct values (labels), so that counting,
/// cross-tabulation and row comparison work the same way for every column kind.
/// </summary>
internal sealed class EncodedColumn
{
    private EncodedColumn(Column source, int[] codes, string[] labels, int[] counts, int missing)
    {
        Source = source;
        Codes = codes;
        Labels = labels;
        Counts = counts;
        MissingCount = missing;
    }

    /// <summary>The column that was encoded.</summary>
    public Column Source { get; }

    /// <summary>Per-row codes into <see cref="Labels"/>; -1 where missing.</summary>
    public int[] Codes { get; }

    /// <summary>The distinct non-missing values as invariant text, indexed by code.</summary>
    public string[] Labels { get; }

    /// <summary>How many rows hold each code.</summary>
    public int[] Counts { get; }

    /// <summary>The number of missing rows.</summary>
    public int MissingCount { get; }

    /// <summary>The number of distinct non-missing values.</summary>
    public int DistinctCount => Labels.Length;

    /// <summary>The number of non-missing rows.</summary>
    public int PresentCount => Codes.Length - MissingCount;

    /// <summary>Encodes <paramref name="column"/>; codes are assigned in order of first appearance.</summary>
    public static EncodedColumn Encode(Column column) => column switch
    {
        CategoricalColumn c => FromCategorical(c),
        Float64Column f => FromKeys(column, f.Length, i => f[i], double.IsNaN, v => v.ToString("R", CultureInfo.InvariantCulture)),
        TimestampColumn t => FromKeys(column, t.Length, i => t.Ticks[i], v => v == TimestampColumn.MissingTicks, FormatTicks),
        _ => FromKeys<string>(column, column.Length, column.Format, _ => false, v => v, column.IsMissing),
    };

    private static string FormatTicks(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static EncodedColumn FromCategorical(CategoricalColumn column)
    {
        // Re-map so that unused categories vanish and codes follow first appearance.
        var remap = new int[column.Categories.Count];
        Array.Fill(remap, -1);
        var labels = new List<string>();
        var counts = new List<int>();
        var codes = new int[column.Length];
        var missing = 0;
        var source = column.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            var c = source[i];
            if (c < 0)
            {
                codes[i] = -1;
                missing++;
                continue;
            }

            if (remap[c] < 0)
            {
                remap[c] = labels.Count;
                labels.Add(column.Categories[c]);
                counts.Add(0);
            }

            codes[i] = remap[c];
            counts[remap[c]]++;
        }

        return new EncodedColumn(column, codes, [.. labels], [.. counts], missing);
    }

    private static EncodedColumn FromKeys<T>(
        Column column, int length, Func<int, T> read, Func<T, bool> isMissingValue, Func<T, string> label, Func<int, bool>? isMissingRow = null)
        where T : notnull
    {
        var map = new Dictionary<T, int>();
        var keys = new List<T>();
        var counts = new List<int>();
        var codes = new int[length];
        var missing = 0;
        for (var i = 0; i < length; i++)
        {
            if (isMissingRow?.Invoke(i) == true)
            {
                codes[i] = -1;
                missing++;
                continue;
            }

            var v = read(i);
            if (isMissingValue(v))
            {
                codes[i] = -1;
                missing++;
                continue;
            }

            if (!map.TryGetValue(v, out var code))
            {
                code = keys.Count;
                map.Add(v, code);
                keys.Add(v);
                counts.Add(0);
            }

            codes[i] = code;
            counts[code]++;
        }

        return new EncodedColumn(column, codes, [.. keys.Select(label)], [.. counts], missing);
    }
}
