using Vigil.Data.Splits;
using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// Stacked generalization (Wolpert 1992, "Stacked generalization", Neural Networks 5(2):241–259): each base learner
/// is cross-validated over stratified folds and its out-of-fold probabilities, which no base model produced for a row
/// it was fitted on, train the meta-learner; the base learners are then refitted on all the data. For two classes a
/// base contributes its class-1 probability, otherwise all K.
/// </summary>
public sealed class StackingClassifierLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public StackingClassifierLearner(StackingClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        EnsembleChecks.Throw(nameof(StackingClassifierOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "StackingClassifier";

    /// <summary>The validated options.</summary>
    public StackingClassifierOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits the base learners fold by fold, the meta-learner on their out-of-fold probabilities, then the base learners on all rows.</summary>
    public StackingClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (n, k) = (data.RowCount, data.ClassCount);
        var labels = data.Labels.ToArray();
        var largest = labels.Length == 0 ? 0 : labels.GroupBy(l => l).Max(g => g.Count());
        var foldCount = Math.Min(Options.FoldCount, largest);
        if (foldCount < 2)
        {
            throw new ArgumentException("Stacking needs at least 2 rows of some class for out-of-fold predictions.", nameof(data));
        }

        var folds = StratifiedKFold.Split(labels, foldCount, Options.Seed);
        var bases = Options.BaseLearners;
        var layout = new StackingLayout(bases.Count, StackingLayout.ClassifierWidth(k), data.FeatureCount, Options.PassThrough);
        var foldWork = folds.Length * bases.Count;
        var results = ParallelWork.Run(foldWork + bases.Count, Options.MaxDegreeOfParallelism, i =>
        {
            if (i >= foldWork)
            {
                return (Model: bases[i - foldWork].Fit(data, cancellationToken), OutOfFold: (double[]?)null);
            }

            var fold = folds[i / bases.Count];
            var model = bases[i % bases.Count].Fit(TrainingSubset.Take(data, fold.Train), cancellationToken);
            EnsembleShape.CheckMember(model, data.FeatureCount, k);
            return (Model: model, OutOfFold: model.PredictProba(data.Features.Take(fold.Test)));
        }, cancellationToken);

        var meta = new double[n * layout.Width];
        for (var i = 0; i < foldWork; i++)
        {
            var test = folds[i / bases.Count].Test;
            for (var t = 0; t < test.Length; t++)
            {
                layout.PutProbabilities(i % bases.Count, results[i].OutOfFold.AsSpan(t * k, k), meta.AsSpan(test[t] * layout.Width, layout.Width));
            }
        }

        for (var r = 0; r < n; r++)
        {
            layout.PutFeatures(data.Features.Row(r), meta.AsSpan(r * layout.Width, layout.Width));
        }

        var weights = data.HasSampleWeights ? data.SampleWeights.ToArray() : null;
        var metaSet = new ClassificationSet(new FeatureMatrix(n, layout.Width, meta), labels, k, weights, layout.Names(data.FeatureNames, classifier: true));
        var metaModel = Options.MetaLearner.Fit(metaSet, cancellationToken);
        return new StackingClassifierModel([.. results[foldWork..].Select(r => r.Model)], metaModel, layout, k);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
