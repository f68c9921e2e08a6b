namespace Vigil.Data.Splits;

/// <summary>Stratified k-fold splits: every fold keeps each class's proportion as closely as whole rows allow.</summary>
/// <remarks>
/// Classes are visited in ascending label order; each class's rows are shuffled (Fisher–Yates, one
/// <c>new Random(seed)</c> for all classes, skipped when <c>shuffle</c> is false) and dealt to the folds
/// round-robin, each class starting at the fold after the one the previous class ended on. So a class's
/// count differs by at most one between folds, and so do the fold sizes. Not bit-compatible with
/// scikit-learn's <c>StratifiedKFold</c>, whose rule is the same up to that per-class dealing.
/// </remarks>
public static class StratifiedKFold
{
    /// <summary>Splits rows by their class <paramref name="labels"/> into <paramref name="foldCount"/> folds; train and test rows come back ascending.</summary>
    /// <exception cref="ArgumentException">Fewer rows than folds, or every class has fewer rows than folds.</exception>
    public static TrainTestIndices[] Split(ReadOnlySpan<int> labels, int foldCount, int seed = 0, bool shuffle = true)
    {
        SplitChecks.FoldCount(foldCount, labels.Length, "rows");
        var byClass = new SortedDictionary<int, List<int>>();
        for (var row = 0; row < labels.Length; row++)
        {
            if (!byClass.TryGetValue(labels[row], out var rows))
            {
                rows = [];
                byClass.Add(labels[row], rows);
            }

            rows.Add(row);
        }

        var largest = byClass.Values.Max(r => r.Count);
        if (largest < foldCount)
        {
            throw new ArgumentException(
                $"Cannot make {foldCount} stratified folds: the largest class has only {largest} rows.", nameof(foldCount));
        }

        var random = new Random(seed);
        var foldOfRow = new int[labels.Length];
        var next = 0;
        foreach (var rows in byClass.Values)
        {
            var members = rows.ToArray();
            if (shuffle)
            {
                SplitChecks.Shuffle(members, random);
            }

            foreach (var row in members)
            {
                foldOfRow[row] = next;
                next = (next + 1) % foldCount;
            }
        }

        return SplitChecks.FromAssignment(foldOfRow, foldCount);
    }
}
