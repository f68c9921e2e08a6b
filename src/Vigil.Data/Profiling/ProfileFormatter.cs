using System.Globalization;
using System.Text;
using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Profiling;

/// <summary>Renders a <see cref="DatasetProfile"/> as a fixed-width text table, one row per column.</summary>
internal static class ProfileFormatter
{
    private static readonly string[] Header = ["column", "kind", "missing", "distinct", "summary"];

    /// <summary>The profile as text: a title line, then an aligned table.</summary>
    public static string Format(DatasetProfile profile)
    {
        var rows = new List<string[]> { Header };
        foreach (var c in profile.Columns)
        {
            rows.Add(
            [
                c.Name,
                c.Kind.ToString().ToLowerInvariant(),
                string.Create(CultureInfo.InvariantCulture, $"{c.MissingCount} ({c.MissingPercent:F1}%)"),
                c.DistinctCount.ToString(CultureInfo.InvariantCulture),
                Summary(c),
            ]);
        }

        var widths = new int[Header.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Dataset profile: {profile.RowCount} rows x {profile.ColumnCount} columns\n");
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Summary(ColumnProfile c)
    {
        if (c.Numeric is { } n)
        {
            return n.Min is null
                ? "(no values)"
                : $"min {NumberText.Format(n.Min)}  p25 {NumberText.Format(n.P25)}  p50 {NumberText.Format(n.P50)}  " +
                  $"p75 {NumberText.Format(n.P75)}  max {NumberText.Format(n.Max)}  mean {NumberText.Format(n.Mean)}  " +
                  $"std {NumberText.Format(n.Std)}  zeros {n.ZeroCount.ToString(CultureInfo.InvariantCulture)}";
        }

        if (c.Kind == ColumnKind.Timestamp)
        {
            return c.Timestamps is { } t
                ? $"{t.Min.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} .. {t.Max.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
                : "(no values)";
        }

        return c.TopValues is { Count: > 0 } top
            ? "top: " + string.Join(", ", top.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Value} ({v.Count})")))
            : "(no values)";
    }
}
