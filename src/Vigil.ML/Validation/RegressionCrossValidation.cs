namespace Vigil.ML.Validation;

/// <summary>The outcome of cross-validating a regressor: per-fold scores and every row's out-of-fold prediction.</summary>
public sealed class RegressionCrossValidation
{
    private readonly RegressionFold[] _folds;
    private readonly double[] _outOfFold;

    internal RegressionCrossValidation(RegressionFold[] folds, double[] outOfFold)
    {
        _folds = folds;
        _outOfFold = outOfFold;
    }

    /// <summary>The per-fold scores, in fold order.</summary>
    public IReadOnlyList<RegressionFold> Folds => _folds;

    /// <summary>Each row's prediction by the model that did not see it; NaN for rows in no test fold.</summary>
    public ReadOnlySpan<double> OutOfFoldPredictions => _outOfFold;

    /// <summary>Whether row <paramref name="row"/> was held out by some fold.</summary>
    public bool IsCovered(int row) => !double.IsNaN(_outOfFold[row]);

    /// <summary>The mean and sample standard deviation (n − 1; 0 for one fold) of a per-fold score.</summary>
    public (double Mean, double StandardDeviation) Summarize(Func<RegressionFold, double> score) =>
        FoldStatistics.Summarize(_folds.Select(score ?? throw new ArgumentNullException(nameof(score))));
}
