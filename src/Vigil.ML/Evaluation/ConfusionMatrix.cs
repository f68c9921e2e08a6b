namespace Vigil.ML.Evaluation;

/// <summary>
/// Counts of (actual, predicted) class pairs with the per-class scores derived from them; every
/// ratio whose denominator is zero (no predictions of a class, no rows of it) is defined as 0.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    /// <summary>Creates a matrix from row-major counts (<c>counts[actual * classCount + predicted]</c>); the array is copied.</summary>
    public ConfusionMatrix(int classCount, ReadOnlySpan<long> counts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (counts.Length != classCount * classCount)
        {
            throw new ArgumentException($"A {classCount}-class matrix needs {classCount * classCount} counts, not {counts.Length}.", nameof(counts));
        }

        ClassCount = classCount;
        _counts = counts.ToArray();
        Total = _counts.Sum();
    }

    /// <summary>Counts the pairs of <paramref name="actual"/> and <paramref name="predicted"/> classes.</summary>
    public static ConfusionMatrix FromPredictions(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException($"There are {actual.Length} actual and {predicted.Length} predicted classes.", nameof(predicted));
        }

        var counts = new long[classCount * classCount];
        for (var i = 0; i < actual.Length; i++)
        {
            if ((uint)actual[i] >= (uint)classCount || (uint)predicted[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Row {i} has class {actual[i]}/{predicted[i]} outside [0, {classCount}).", nameof(actual));
            }

            counts[(actual[i] * classCount) + predicted[i]]++;
        }

        return new ConfusionMatrix(classCount, counts);
    }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of rows counted.</summary>
    public long Total { get; }

    /// <summary>The number of rows of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[(actual * ClassCount) + predicted];

    /// <summary>The fraction of rows predicted correctly (0 for no rows).</summary>
    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (var k = 0; k < ClassCount; k++)
            {
                correct += this[k, k];
            }

            return Ratio(correct, Total);
        }
    }

    /// <summary>The number of rows whose actual class is <paramref name="k"/>.</summary>
    public long Support(int k)
    {
        long n = 0;
        for (var p = 0; p < ClassCount; p++)
        {
            n += this[k, p];
        }

        return n;
    }

    /// <summary>The number of rows predicted as class <paramref name="k"/>.</summary>
    public long PredictedCount(int k)
    {
        long n = 0;
        for (var a = 0; a < ClassCount; a++)
        {
            n += this[a, k];
        }

        return n;
    }

    /// <summary>TP / (TP + FP) for class <paramref name="k"/>; 0 when the class is never predicted.</summary>
    public double Precision(int k) => Ratio(this[k, k], PredictedCount(k));

    /// <summary>TP / (TP + FN) for class <paramref name="k"/>; 0 when the class has no rows.</summary>
    public double Recall(int k) => Ratio(this[k, k], Support(k));

    /// <summary>The harmonic mean of precision and recall for class <paramref name="k"/>; 0 when both are 0.</summary>
    public double F1(int k)
    {
        var p = Precision(k);
        var r = Recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>The unweighted mean of every class's F1.</summary>
    public double MacroF1 => Enumerable.Range(0, ClassCount).Average(F1);

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
