namespace Vigil.Data.Splits;

/// <summary>Seeded stratified train/test splitting of row indices by class label.</summary>
/// <remarks>
/// For every distinct label (in ascending label order) with <c>n</c> rows, exactly
/// <c>round(n × testFraction)</c> rows go to the test set, rounding halves away from zero
/// (so 339 × 0.2 = 67.8 → 68 and 5 × 0.5 = 2.5 → 3). The rows of each class are shuffled with
/// one <see cref="Random"/> seeded by <c>seed</c> (Fisher–Yates, classes visited in ascending
/// label order) and the first ones taken, so the result depends only on the labels, the fraction
/// and the seed. It is not bit-compatible with scikit-learn's <c>train_test_split</c>.
/// </remarks>
public static class StratifiedSplit
{
    /// <summary>Splits row indices so each class keeps its proportion in the test set; both index lists come back ascending.</summary>
    public static TrainTestIndices Split(ReadOnlySpan<int> labels, double testFraction, int seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must lie strictly between 0 and 1.");
        }

        var byClass = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!byClass.TryGetValue(labels[i], out var rows))
            {
                rows = [];
                byClass.Add(labels[i], rows);
            }

            rows.Add(i);
        }

        var random = new Random(seed);
        var train = new List<int>(labels.Length);
        var test = new List<int>(labels.Length);
        foreach (var rows in byClass.Values)
        {
            var testCount = TestCount(rows.Count, testFraction);
            for (var i = rows.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            for (var i = 0; i < rows.Count; i++)
            {
                (i < testCount ? test : train).Add(rows[i]);
            }
        }

        int[] trainArray = [.. train];
        int[] testArray = [.. test];
        Array.Sort(trainArray);
        Array.Sort(testArray);
        return new TrainTestIndices(trainArray, testArray);
    }

    /// <summary>The number of a class's <paramref name="classCount"/> rows that go to the test set: round half away from zero.</summary>
    public static int TestCount(int classCount, double testFraction) =>
        (int)Math.Min(classCount, Math.Round(classCount * testFraction, MidpointRounding.AwayFromZero));
}
