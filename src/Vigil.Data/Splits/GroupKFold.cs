namespace Vigil.Data.Splits;

/// <summary>K-fold splits that never divide a group (a machine, a unit, a customer) between train and test.</summary>
/// <remarks>
/// Groups are taken largest first (equal sizes in order of first appearance) and each goes to the fold
/// with the fewest rows so far (the lowest fold on ties), so fold sizes are balanced and the result
/// depends only on the group of every row — no randomness, no hash order.
/// </remarks>
public static class GroupKFold
{
    /// <summary>Splits rows by their <paramref name="groups"/> into <paramref name="foldCount"/> folds; train and test rows come back ascending.</summary>
    /// <exception cref="ArgumentException">Fewer distinct groups than folds.</exception>
    public static TrainTestIndices[] Split<TGroup>(ReadOnlySpan<TGroup> groups, int foldCount)
        where TGroup : notnull
    {
        var (groupCount, groupOfRow) = SplitChecks.IndexGroups(groups);
        SplitChecks.FoldCount(foldCount, groupCount, "groups");
        var sizes = new int[groupCount];
        foreach (var g in groupOfRow)
        {
            sizes[g]++;
        }

        var order = Enumerable.Range(0, groupCount).OrderByDescending(g => sizes[g]).ToArray();  // stable
        var foldOfGroup = new int[groupCount];
        var foldSizes = new long[foldCount];
        foreach (var g in order)
        {
            var lightest = 0;
            for (var f = 1; f < foldCount; f++)
            {
                if (foldSizes[f] < foldSizes[lightest])
                {
                    lightest = f;
                }
            }

            foldOfGroup[g] = lightest;
            foldSizes[lightest] += sizes[g];
        }

        var foldOfRow = new int[groupOfRow.Length];
        for (var row = 0; row < foldOfRow.Length; row++)
        {
            foldOfRow[row] = foldOfGroup[groupOfRow[row]];
        }

        return SplitChecks.FromAssignment(foldOfRow, foldCount);
    }
}
