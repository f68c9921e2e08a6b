namespace Vigil.Data.Splits;

/// <summary>Shared argument checks and helpers of the split types.</summary>
internal static class SplitChecks
{
    public static void FoldCount(int foldCount, int available, string what)
    {
        if (foldCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(foldCount), foldCount, "Cross-validation needs at least 2 folds.");
        }

        if (foldCount > available)
        {
            throw new ArgumentException($"Cannot make {foldCount} folds from {available} {what}.", nameof(foldCount));
        }
    }

    public static void Fraction(double testFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must lie strictly between 0 and 1.");
        }
    }

    /// <summary>round(count × fraction) half away from zero, clamped to [1, count − 1].</summary>
    public static int HeldOut(int count, double testFraction) =>
        Math.Clamp((int)Math.Round(count * testFraction, MidpointRounding.AwayFromZero), 1, count - 1);

    public static void Shuffle(Span<int> items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Folds from a fold index per row: fold f tests the rows assigned to f and trains on the rest, both ascending.</summary>
    public static TrainTestIndices[] FromAssignment(ReadOnlySpan<int> foldOfRow, int foldCount)
    {
        var folds = new TrainTestIndices[foldCount];
        var sizes = new int[foldCount];
        foreach (var f in foldOfRow)
        {
            sizes[f]++;
        }

        for (var f = 0; f < foldCount; f++)
        {
            var train = new int[foldOfRow.Length - sizes[f]];
            var test = new int[sizes[f]];
            int a = 0, b = 0;
            for (var row = 0; row < foldOfRow.Length; row++)
            {
                if (foldOfRow[row] == f)
                {
                    test[b++] = row;
                }
                else
                {
                    train[a++] = row;
                }
            }

            folds[f] = new TrainTestIndices(train, test);
        }

        return folds;
    }

    /// <summary>Train and test rows from a held-out flag per row, both ascending.</summary>
    public static TrainTestIndices FromMask(ReadOnlySpan<bool> isTest)
    {
        var train = new List<int>(isTest.Length);
        var test = new List<int>();
        for (var row = 0; row < isTest.Length; row++)
        {
            (isTest[row] ? test : train).Add(row);
        }

        return new TrainTestIndices([.. train], [.. test]);
    }

    /// <summary>The distinct groups in order of first appearance and the group index of every row.</summary>
    public static (int GroupCount, int[] GroupOfRow) IndexGroups<TGroup>(ReadOnlySpan<TGroup> groups)
        where TGroup : notnull
    {
        var index = new Dictionary<TGroup, int>();
        var groupOfRow = new int[groups.Length];
        for (var row = 0; row < groups.Length; row++)
        {
            if (groups[row] is null)
            {
                throw new ArgumentException($"Row {row} has no group.", nameof(groups));
            }

            if (!index.TryGetValue(groups[row], out var g))
            {
                g = index.Count;
                index.Add(groups[row], g);
            }

            groupOfRow[row] = g;
        }

        return (index.Count, groupOfRow);
    }
}
