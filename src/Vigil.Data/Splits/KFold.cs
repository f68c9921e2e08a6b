namespace Vigil.Data.Splits;

/// <summary>K-fold cross-validation splits of row indices, optionally shuffled with a seed.</summary>
/// <remarks>
/// The rows (in order, or permuted by a Fisher–Yates shuffle with <c>new Random(seed)</c>) are cut into
/// <c>k</c> consecutive blocks; the first <c>n mod k</c> blocks hold one row more, as scikit-learn's
/// <c>KFold</c> does. Fold f tests block f and trains on the others; every row is tested exactly once.
/// </remarks>
public static class KFold
{
    /// <summary>Splits <paramref name="rowCount"/> rows into <paramref name="foldCount"/> folds; train and test rows come back ascending.</summary>
    public static TrainTestIndices[] Split(int rowCount, int foldCount, bool shuffle = false, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        SplitChecks.FoldCount(foldCount, rowCount, "rows");
        var order = Enumerable.Range(0, rowCount).ToArray();
        if (shuffle)
        {
            SplitChecks.Shuffle(order, new Random(seed));
        }

        var foldOfRow = new int[rowCount];
        var at = 0;
        for (var f = 0; f < foldCount; f++)
        {
            var size = (rowCount / foldCount) + (f < rowCount % foldCount ? 1 : 0);
            for (var i = 0; i < size; i++)
            {
                foldOfRow[order[at++]] = f;
            }
        }

        return SplitChecks.FromAssignment(foldOfRow, foldCount);
    }
}
