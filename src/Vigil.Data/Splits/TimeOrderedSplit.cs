namespace Vigil.Data.Splits;

/// <summary>Holds out the latest rows by a time ordering, overall or within every group, so a model is tested on its future.</summary>
/// <remarks>
/// Rows are ordered by time, equal times by row index. Overall, the last <c>round(n × testFraction)</c> rows
/// (half away from zero, at least 1 and at most n − 1) are held out. Per group, each group of m rows holds out
/// its last <c>round(m × testFraction)</c> (half away from zero, at most m − 1, so a group with one row stays in
/// training). Equal times on the boundary are divided by row index.
/// </remarks>
public static class TimeOrderedSplit
{
    /// <summary>Holds out the latest fraction of all rows; train and test rows come back ascending.</summary>
    public static TrainTestIndices Split<TTime>(ReadOnlySpan<TTime> times, double testFraction)
        where TTime : IComparable<TTime>
    {
        SplitChecks.Fraction(testFraction);
        if (times.Length < 2)
        {
            throw new ArgumentException($"A time-ordered split needs at least 2 rows, not {times.Length}.", nameof(times));
        }

        var order = Order(times, Enumerable.Range(0, times.Length).ToArray());
        var isTest = new bool[times.Length];
        var held = SplitChecks.HeldOut(times.Length, testFraction);
        for (var i = order.Length - held; i < order.Length; i++)
        {
            isTest[order[i]] = true;
        }

        return SplitChecks.FromMask(isTest);
    }

    /// <summary>Holds out the latest fraction of every group's rows; train and test rows come back ascending.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or no group is large enough to hold out a row.</exception>
    public static TrainTestIndices Split<TTime, TGroup>(ReadOnlySpan<TTime> times, ReadOnlySpan<TGroup> groups, double testFraction)
        where TTime : IComparable<TTime>
        where TGroup : notnull
    {
        SplitChecks.Fraction(testFraction);
        if (times.Length != groups.Length)
        {
            throw new ArgumentException($"There are {times.Length} times and {groups.Length} groups.", nameof(groups));
        }

        var (groupCount, groupOfRow) = SplitChecks.IndexGroups(groups);
        var members = new List<int>[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            members[g] = [];
        }

        for (var row = 0; row < groupOfRow.Length; row++)
        {
            members[groupOfRow[row]].Add(row);
        }

        var isTest = new bool[times.Length];
        var anyTest = false;
        foreach (var rows in members)
        {
            var order = Order(times, [.. rows]);
            var held = Math.Min(rows.Count - 1, (int)Math.Round(rows.Count * testFraction, MidpointRounding.AwayFromZero));
            for (var i = order.Length - held; i < order.Length; i++)
            {
                isTest[order[i]] = true;
                anyTest = true;
            }
        }

        if (!anyTest)
        {
            throw new ArgumentException($"No group is large enough to hold out {testFraction:P0} of its rows.", nameof(testFraction));
        }

        return SplitChecks.FromMask(isTest);
    }

    private static int[] Order<TTime>(ReadOnlySpan<TTime> times, int[] rows)
        where TTime : IComparable<TTime>
    {
        foreach (var row in rows)
        {
            if (times[row] is null || (times[row] is double d && double.IsNaN(d)) || (times[row] is float f && float.IsNaN(f)))
            {
                throw new ArgumentException($"Row {row} has no time (null or NaN).", nameof(times));
            }
        }

        var keys = new TTime[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = times[rows[i]];
        }

        var order = (int[])rows.Clone();
        var positions = Enumerable.Range(0, rows.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            var c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : order[a].CompareTo(order[b]);
        });
        return [.. positions.Select(p => order[p])];
    }
}
