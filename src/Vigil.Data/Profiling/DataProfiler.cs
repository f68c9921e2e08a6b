using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Profiling;

/// <summary>Computes a <see cref="DatasetProfile"/>: per-column completeness, exact cardinality and summary statistics.</summary>
public static class DataProfiler
{
    /// <summary>Profiles every column of <paramref name="frame"/> in one pass per column.</summary>
    /// <example><code>var profile = DataProfiler.Profile(frame); Console.WriteLine(profile.ToText());</code></example>
    public static DatasetProfile Profile(DataFrame frame, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= ProfileOptions.Default;
        var columns = new ColumnProfile[frame.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ProfileColumn(frame[i], options);
        }

        return new DatasetProfile { RowCount = frame.RowCount, ColumnCount = frame.ColumnCount, Columns = columns };
    }

    private static ColumnProfile ProfileColumn(Column column, ProfileOptions options)
    {
        var rows = column.Length;
        return column switch
        {
            Float64Column f => NumericProfiler.Profile(f),
            TimestampColumn t => ProfileTimestamps(t),
            _ => ProfileCategories(column, options.TopK),
        };

        ColumnProfile ProfileCategories(Column c, int topK)
        {
            var encoded = EncodedColumn.Encode(c);
            return Base(c, encoded.MissingCount, encoded.DistinctCount) with { TopValues = TopValues(encoded, topK) };
        }

        ColumnProfile ProfileTimestamps(TimestampColumn t)
        {
            var ticks = t.Ticks;
            var distinct = new HashSet<long>();
            long min = long.MaxValue, max = long.MinValue;
            var missing = 0;
            foreach (var v in ticks)
            {
                if (v == TimestampColumn.MissingTicks)
                {
                    missing++;
                    continue;
                }

                distinct.Add(v);
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            var range = distinct.Count == 0
                ? null
                : new TimestampRange(new DateTimeOffset(min, TimeSpan.Zero), new DateTimeOffset(max, TimeSpan.Zero));
            return Base(t, missing, distinct.Count) with { Timestamps = range };
        }

        ColumnProfile Base(Column c, int missing, int distinct) => new()
        {
            Name = c.Name,
            Kind = c.Kind,
            Count = rows - missing,
            MissingCount = missing,
            MissingPercent = rows == 0 ? 0 : 100.0 * missing / rows,
            DistinctCount = distinct,
        };
    }

    /// <summary>The <paramref name="k"/> most frequent values; ties broken by ordinal order of the value text.</summary>
    internal static IReadOnlyList<ValueCount> TopValues(EncodedColumn encoded, int k)
    {
        var order = Enumerable.Range(0, encoded.DistinctCount)
            .OrderByDescending(code => encoded.Counts[code])
            .ThenBy(code => encoded.Labels[code], StringComparer.Ordinal)
            .Take(k);
        return [.. order.Select(code => new ValueCount(encoded.Labels[code], encoded.Counts[code]))];
    }
}
