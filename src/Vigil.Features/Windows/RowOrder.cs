using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>
/// The rows of a frame in (group, time, original row) order: a stable counting sort by group, then a sort by time
/// within each group that breaks ties by row index (skipped when a group is already in time order).
/// </summary>
internal sealed class RowOrder
{
    private RowOrder(int[] rows, int[] starts)
    {
        Rows = rows;
        Starts = starts;
    }

    /// <summary>Row indices, grouped, each group in time order.</summary>
    public int[] Rows { get; }

    /// <summary>Where each group starts in <see cref="Rows"/>, plus a final entry equal to the row count.</summary>
    public int[] Starts { get; }

    /// <summary>The number of non-empty groups.</summary>
    public int GroupCount => Starts.Length - 1;

    public static RowOrder Compute(DataFrame frame, string? groupColumn, string? timeColumn)
    {
        var n = frame.RowCount;
        var (ids, idCount) = groupColumn is null ? (new int[n], 1) : GroupIds(frame[groupColumn]);
        var counts = new int[idCount + 1];
        foreach (var id in ids)
        {
            counts[id + 1]++;
        }

        for (var g = 0; g < idCount; g++)
        {
            counts[g + 1] += counts[g];
        }

        var starts = counts.Where((c, g) => g == idCount || counts[g + 1] > c).ToArray();
        var next = counts[..idCount];
        var rows = new int[n];
        for (var r = 0; r < n; r++)
        {
            rows[next[ids[r]]++] = r;
        }

        if (timeColumn is not null)
        {
            switch (frame[timeColumn])
            {
                case Float64Column f:
                    SortGroups(rows, starts, f.ToArray(), double.IsNaN, timeColumn);
                    break;
                case TimestampColumn t:
                    SortGroups(rows, starts, t.Ticks.ToArray(), v => v == TimestampColumn.MissingTicks, timeColumn);
                    break;
                default:
                    throw new ArgumentException($"Time column '{timeColumn}' is {frame[timeColumn].Kind}; window features need Float64 or Timestamp.");
            }
        }

        return new RowOrder(rows, starts);
    }

    private static (int[] Ids, int Count) GroupIds(Column column)
    {
        var n = column.Length;
        var ids = new int[n];
        if (column is CategoricalColumn c)
        {
            for (var r = 0; r < n; r++)
            {
                ids[r] = c.Codes[r] + 1;
            }

            return (ids, c.Categories.Count + 1);
        }

        // Any other kind: missing values form one group; others are keyed by value (doubles directly, the rest as text).
        var numbers = new Dictionary<double, int>();
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var f = column as Float64Column;
        for (var r = 0; r < n; r++)
        {
            if (column.IsMissing(r))
            {
                ids[r] = 0;
                continue;
            }

            var count = numbers.Count + texts.Count + 1;
            ids[r] = f is not null
                ? GetOrAdd(numbers, f[r], count)
                : GetOrAdd(texts, column.Format(r), count);
        }

        return (ids, numbers.Count + texts.Count + 1);
    }

    private static int GetOrAdd<TKey>(Dictionary<TKey, int> map, TKey key, int next)
        where TKey : notnull
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out var exists);
        if (!exists)
        {
            slot = next;
        }

        return slot;
    }

    private static void SortGroups<T>(int[] rows, int[] starts, T[] times, Func<T, bool> isMissing, string timeColumn)
        where T : IComparable<T>
    {
        for (var r = 0; r < times.Length; r++)
        {
            if (isMissing(times[r]))
            {
                throw new ArgumentException($"Time column '{timeColumn}' is missing at row {r}; window features need the time of every row.");
            }
        }

        T[]? keys = null;
        for (var g = 0; g + 1 < starts.Length; g++)
        {
            var (start, end) = (starts[g], starts[g + 1]);
            var sorted = true;
            for (var j = start + 1; j < end && sorted; j++)
            {
                sorted = times[rows[j - 1]].CompareTo(times[rows[j]]) <= 0;
            }

            if (sorted)
            {
                continue;
            }

            // Sort by time with the primitive key sort, then restore row order inside each run of equal times.
            keys ??= new T[rows.Length];
            for (var j = start; j < end; j++)
            {
                keys[j] = times[rows[j]];
            }

            Array.Sort(keys, rows, start, end - start);
            for (var run = start; run < end;)
            {
                var next = run + 1;
                while (next < end && keys[next].CompareTo(keys[run]) == 0)
                {
                    next++;
                }

                if (next - run > 1)
                {
                    Array.Sort(rows, run, next - run);
                }

                run = next;
            }
        }
    }
}
