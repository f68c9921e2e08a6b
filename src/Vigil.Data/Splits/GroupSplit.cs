namespace Vigil.Data.Splits;

/// <summary>A seeded train/test split that holds out whole groups (e.g. machines or engine units), never rows of a group.</summary>
/// <remarks>
/// The distinct groups, in order of first appearance, are shuffled (Fisher–Yates with <c>new Random(seed)</c>)
/// and the first <c>round(G × testFraction)</c> (half away from zero, at least 1 and at most G − 1) are held out.
/// </remarks>
public static class GroupSplit
{
    /// <summary>Holds out a seeded fraction of the groups; train and test rows come back ascending.</summary>
    /// <exception cref="ArgumentException">Fewer than two distinct groups.</exception>
    public static TrainTestIndices Split<TGroup>(ReadOnlySpan<TGroup> groups, double testFraction, int seed)
        where TGroup : notnull
    {
        SplitChecks.Fraction(testFraction);
        var (groupCount, groupOfRow) = SplitChecks.IndexGroups(groups);
        if (groupCount < 2)
        {
            throw new ArgumentException($"A group split needs at least 2 distinct groups, not {groupCount}.", nameof(groups));
        }

        var order = Enumerable.Range(0, groupCount).ToArray();
        SplitChecks.Shuffle(order, new Random(seed));
        var held = new bool[groupCount];
        var testGroups = TestGroupCount(groupCount, testFraction);
        for (var i = 0; i < testGroups; i++)
        {
            held[order[i]] = true;
        }

        var isTest = new bool[groupOfRow.Length];
        for (var row = 0; row < isTest.Length; row++)
        {
            isTest[row] = held[groupOfRow[row]];
        }

        return SplitChecks.FromMask(isTest);
    }

    /// <summary>The number of the <paramref name="groupCount"/> groups held out: round half away from zero, clamped to [1, groupCount − 1].</summary>
    public static int TestGroupCount(int groupCount, double testFraction) => SplitChecks.HeldOut(groupCount, testFraction);
}
