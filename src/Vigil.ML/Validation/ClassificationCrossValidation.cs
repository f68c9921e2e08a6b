namespace Vigil.ML.Validation;

/// <summary>The outcome of cross-validating a classifier: per-fold scores and every row's out-of-fold probabilities.</summary>
public sealed class ClassificationCrossValidation
{
    private readonly ClassificationFold[] _folds;
    private readonly double[] _outOfFold;

    internal ClassificationCrossValidation(ClassificationFold[] folds, double[] outOfFold, int classCount)
    {
        _folds = folds;
        _outOfFold = outOfFold;
        ClassCount = classCount;
    }

    /// <summary>The per-fold scores, in fold order.</summary>
    public IReadOnlyList<ClassificationFold> Folds => _folds;

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Row-major out-of-fold probabilities (rows × <see cref="ClassCount"/>): each row scored by the model that did not see it; NaN for rows in no test fold.</summary>
    public ReadOnlySpan<double> OutOfFoldProbabilities => _outOfFold;

    /// <summary>Whether row <paramref name="row"/> was held out by some fold (has out-of-fold probabilities).</summary>
    public bool IsCovered(int row) => !double.IsNaN(_outOfFold[row * ClassCount]);

    /// <summary>Every row's out-of-fold probability of <paramref name="positiveClass"/> (NaN for uncovered rows), e.g. for <see cref="Evaluation.ThresholdTuning"/>.</summary>
    public double[] PositiveOutOfFold(int positiveClass = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positiveClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(positiveClass, ClassCount);
        var result = new double[_outOfFold.Length / ClassCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _outOfFold[(i * ClassCount) + positiveClass];
        }

        return result;
    }

    /// <summary>The mean and sample standard deviation (n − 1; 0 for one fold) of a per-fold score.</summary>
    public (double Mean, double StandardDeviation) Summarize(Func<ClassificationFold, double> score) =>
        FoldStatistics.Summarize(_folds.Select(score ?? throw new ArgumentNullException(nameof(score))));
}
