using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>
/// The frame cut into series, one per value of the group column (missing is a group of its own), each ordered by the time
/// column (rows without a time last) and then by row; the position of each row on its series' axis for interpolation.
/// </summary>
internal sealed class SeriesIndex
{
    private SeriesIndex(List<int[]> series, double[] axis) => (Series, Axis) = (series, axis);

    /// <summary>Row indices of each series, in time order.</summary>
    public IReadOnlyList<int[]> Series { get; }

    /// <summary>Each row's position for interpolation: its time (ticks or number), or its position in the series without a time column; NaN when its time is missing.</summary>
    public double[] Axis { get; }

    /// <summary>Builds the index of <paramref name="frame"/>.</summary>
    public static SeriesIndex Build(DataFrame frame, string? group, string? time)
    {
        var n = frame.RowCount;
        var axis = new double[n];
        if (time is not null)
        {
            var column = frame[time];
            for (var i = 0; i < n; i++)
            {
                axis[i] = column switch
                {
                    TimestampColumn t => t.IsMissing(i) ? double.NaN : t.Ticks[i],
                    Float64Column f => f[i],
                    _ => throw new InvalidOperationException($"Time column '{time}' is {column.Kind}."),
                };
            }
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        var groupColumn = group is null ? null : frame[group];
        for (var i = 0; i < n; i++)
        {
            // "\0" cannot be confused with a present value's text.
            var key = groupColumn is null || groupColumn.IsMissing(i) ? "\0" : groupColumn.Format(i);
            if (!groups.TryGetValue(key, out var rows))
            {
                rows = [];
                groups.Add(key, rows);
                order.Add(rows);
            }

            rows.Add(i);
        }

        var series = new List<int[]>(order.Count);
        foreach (var rows in order)
        {
            int[] sorted = [.. rows];
            if (time is not null)
            {
                // Stable: equal times keep row order; NaN (missing time) sorts last.
                sorted = [.. sorted.OrderBy(r => double.IsNaN(axis[r]) ? 1 : 0).ThenBy(r => axis[r]).ThenBy(r => r)];
            }
            else
            {
                for (var p = 0; p < sorted.Length; p++)
                {
                    axis[sorted[p]] = p;
                }
            }

            series.Add(sorted);
        }

        return new SeriesIndex(series, axis);
    }
}
