using Vigil.ML.Evaluation;

namespace Vigil.ML.Inspection;

/// <summary>
/// Model-agnostic permutation feature importance (Breiman 2001, "Random Forests", §10; Fisher, Rudin and
/// Dominici 2019, "All Models are Wrong, but Many are Useful", JMLR 20): the drop in a model's score when
/// one feature's column is shuffled, breaking its link with the target, repeated with seeded shuffles.
/// </summary>
public static class PermutationImportance
{
    /// <summary>Importances of a classifier's features on labelled data (ROC-AUC for binary, else accuracy, unless configured).</summary>
    public static PermutationImportanceResult Compute(
        IClassifierModel model, ClassificationSet data, PermutationImportanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var o = Checked(options);
        var scoring = o.Scoring == PermutationScoring.Auto ? (model.ClassCount == 2 ? PermutationScoring.RocAuc : PermutationScoring.Accuracy) : o.Scoring;
        if (scoring == PermutationScoring.RocAuc && model.ClassCount != 2)
        {
            throw new ArgumentException($"ROC-AUC scoring needs a binary classifier; this one has {model.ClassCount} classes.", nameof(options));
        }

        var labels = data.Labels.ToArray();
        var k = model.ClassCount;
        var probabilities = new double[data.RowCount * k];
        double Score(FeatureMatrix x)
        {
            model.PredictProba(x, probabilities);
            if (scoring == PermutationScoring.RocAuc)
            {
                var positive = new double[labels.Length];
                for (var r = 0; r < positive.Length; r++)
                {
                    positive[r] = probabilities[(r * k) + 1];
                }

                return RankingMetrics.RocAuc(labels, positive);
            }

            var correct = 0;
            for (var r = 0; r < labels.Length; r++)
            {
                var best = 0;
                for (var c = 1; c < k; c++)
                {
                    best = probabilities[(r * k) + c] > probabilities[(r * k) + best] ? c : best;
                }

                correct += best == labels[r] ? 1 : 0;
            }

            return correct / (double)labels.Length;
        }

        return Run(data, o, scoring == PermutationScoring.RocAuc ? "roc_auc" : "accuracy", Score, cancellationToken);
    }

    /// <summary>Importances of a regressor's features on labelled data, scored by R².</summary>
    public static PermutationImportanceResult Compute(
        IRegressorModel model, RegressionSet data, PermutationImportanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var o = Checked(options);
        var targets = data.Targets.ToArray();
        var predictions = new double[data.RowCount];
        double Score(FeatureMatrix x)
        {
            model.Predict(x, predictions);
            return RegressionMetrics.Compute(targets, predictions).R2;
        }

        return Run(data, o, "r2", Score, cancellationToken);
    }

    private static PermutationImportanceOptions Checked(PermutationImportanceOptions? options)
    {
        var o = options ?? new PermutationImportanceOptions();
        var errors = o.Validate();
        return errors.Count == 0 ? o : throw new ArgumentException("Invalid PermutationImportanceOptions: " + string.Join(" ", errors), nameof(options));
    }

    private static PermutationImportanceResult Run(
        TrainingSet data, PermutationImportanceOptions options, string scoreName, Func<FeatureMatrix, double> score, CancellationToken cancellationToken)
    {
        var n = data.RowCount;
        var p = data.FeatureCount;
        var values = data.Features.Values.ToArray();
        var working = new FeatureMatrix(n, p, values);  // owns `values`; columns are shuffled in place and restored
        var baseline = score(working);
        var random = new Random(options.Seed);
        var column = new double[n];
        var features = new FeatureImportance[p];
        for (var f = 0; f < p; f++)
        {
            for (var r = 0; r < n; r++)
            {
                column[r] = values[(r * p) + f];
            }

            var drops = new double[options.Repeats];
            for (var repeat = 0; repeat < drops.Length; repeat++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var shuffled = (double[])column.Clone();
                random.Shuffle(shuffled);
                for (var r = 0; r < n; r++)
                {
                    values[(r * p) + f] = shuffled[r];
                }

                drops[repeat] = baseline - score(working);
            }

            for (var r = 0; r < n; r++)
            {
                values[(r * p) + f] = column[r];
            }

            var mean = drops.Average();
            var std = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length);
            features[f] = new FeatureImportance(f, data.FeatureNames[f], mean, std, drops);
        }

        return new PermutationImportanceResult(baseline, scoreName, features);
    }
}
