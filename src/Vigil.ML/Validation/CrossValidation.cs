using Vigil.Data.Splits;
using Vigil.ML.Evaluation;

namespace Vigil.ML.Validation;

/// <summary>
/// Fits a learner on each fold's training rows and scores its held-out rows, collecting per-fold metrics and
/// out-of-fold predictions. Folds may run in parallel; each is a pure function of its rows, so the result is the
/// same at any degree of parallelism. Out-of-fold predictions of the TRAINING set are what threshold tuning and
/// stacking may use; the test set is never part of the folds.
/// </summary>
public static class CrossValidation
{
    /// <summary>Cross-validates a classifier over <paramref name="folds"/> (e.g. from <see cref="StratifiedKFold"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options, a fold with no train or test rows or a row outside the set, or a row held out by two folds.</exception>
    public static ClassificationCrossValidation Classify(
        IClassifierLearner learner, ClassificationSet data, IReadOnlyList<TrainTestIndices> folds, CrossValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        options = Checked(options, folds, data.RowCount);
        var k = data.ClassCount;
        var results = ParallelWork.Run(folds.Count, options.MaxDegreeOfParallelism, f =>
        {
            var fold = folds[f];
            var model = learner.Fit(TrainingSubset.Take(data, fold.Train), cancellationToken);
            var probabilities = model.PredictProba(data.Features.Take(fold.Test));
            var labels = new int[fold.TestCount];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = data.Labels[fold.Test[i]];
            }

            var metrics = new ClassificationFold
            {
                Index = f,
                TrainCount = fold.TrainCount,
                TestCount = fold.TestCount,
                Metrics = MulticlassMetrics.FromProbabilities(labels, probabilities, k),
                Binary = k == 2 ? ClassificationMetrics.Binary(labels, Column(probabilities, k, 1), options.Threshold) : null,
                LogLoss = ProbabilityMetrics.LogLoss(labels, probabilities, k),
                Brier = ProbabilityMetrics.MulticlassBrierScore(labels, probabilities, k),
            };
            return (metrics, probabilities);
        }, cancellationToken);

        var outOfFold = new double[data.RowCount * k];
        Array.Fill(outOfFold, double.NaN);
        for (var f = 0; f < folds.Count; f++)
        {
            var test = folds[f].Test;
            for (var i = 0; i < test.Length; i++)
            {
                results[f].probabilities.AsSpan(i * k, k).CopyTo(outOfFold.AsSpan(test[i] * k, k));
            }
        }

        return new ClassificationCrossValidation([.. results.Select(r => r.metrics)], outOfFold, k);
    }

    /// <summary>Cross-validates a regressor over <paramref name="folds"/> (e.g. from <see cref="KFold"/> or <see cref="GroupKFold"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options, a fold with no train or test rows or a row outside the set, or a row held out by two folds.</exception>
    public static RegressionCrossValidation Regress(
        IRegressorLearner learner, RegressionSet data, IReadOnlyList<TrainTestIndices> folds, CrossValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        options = Checked(options, folds, data.RowCount);
        var results = ParallelWork.Run(folds.Count, options.MaxDegreeOfParallelism, f =>
        {
            var fold = folds[f];
            var model = learner.Fit(TrainingSubset.Take(data, fold.Train), cancellationToken);
            var predictions = new double[fold.TestCount];
            model.Predict(data.Features.Take(fold.Test), predictions);
            var truth = new double[fold.TestCount];
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = data.Targets[fold.Test[i]];
            }

            var metrics = new RegressionFold
            {
                Index = f, TrainCount = fold.TrainCount, TestCount = fold.TestCount, Metrics = RegressionMetrics.Compute(truth, predictions),
            };
            return (metrics, predictions);
        }, cancellationToken);

        var outOfFold = new double[data.RowCount];
        Array.Fill(outOfFold, double.NaN);
        for (var f = 0; f < folds.Count; f++)
        {
            var test = folds[f].Test;
            for (var i = 0; i < test.Length; i++)
            {
                outOfFold[test[i]] = results[f].predictions[i];
            }
        }

        return new RegressionCrossValidation([.. results.Select(r => r.metrics)], outOfFold);
    }

    private static CrossValidationOptions Checked(CrossValidationOptions? options, IReadOnlyList<TrainTestIndices> folds, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(folds);
        options ??= new CrossValidationOptions();
        var errors = options.Validate().ToList();
        if (folds.Count == 0)
        {
            errors.Add("There are no folds.");
        }

        var heldOutBy = new int[rowCount];
        Array.Fill(heldOutBy, -1);
        for (var f = 0; f < folds.Count; f++)
        {
            var fold = folds[f] ?? throw new ArgumentException($"Fold {f} is null.", nameof(folds));
            if (fold.TrainCount == 0 || fold.TestCount == 0)
            {
                errors.Add($"Fold {f} has {fold.TrainCount} train and {fold.TestCount} test rows; both must be non-empty.");
            }

            foreach (var row in fold.Train)
            {
                if ((uint)row >= (uint)rowCount)
                {
                    errors.Add($"Fold {f} trains on row {row}, outside the {rowCount} rows.");
                    break;
                }
            }

            foreach (var row in fold.Test)
            {
                if ((uint)row >= (uint)rowCount)
                {
                    errors.Add($"Fold {f} tests row {row}, outside the {rowCount} rows.");
                    break;
                }

                if (heldOutBy[row] >= 0)
                {
                    errors.Add($"Row {row} is held out by folds {heldOutBy[row]} and {f}; out-of-fold predictions need each row tested at most once.");
                    break;
                }

                heldOutBy[row] = f;
            }
        }

        return errors.Count == 0 ? options : throw new ArgumentException("Invalid cross-validation: " + string.Join(" ", errors), nameof(options));
    }

    private static double[] Column(double[] probabilities, int width, int column)
    {
        var result = new double[probabilities.Length / width];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = probabilities[(i * width) + column];
        }

        return result;
    }
}
