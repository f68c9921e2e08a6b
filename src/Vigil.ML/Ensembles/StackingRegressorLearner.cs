using Vigil.Data.Splits;
using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// Stacked regression (Wolpert 1992, "Stacked generalization"; Breiman 1996, "Stacked regressions"): each base
/// learner's out-of-fold predictions over shuffled k folds train the meta-learner (by default a non-negative linear
/// combination); the base learners are then refitted on all the data.
/// </summary>
public sealed class StackingRegressorLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public StackingRegressorLearner(StackingRegressorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        EnsembleChecks.Throw(nameof(StackingRegressorOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "StackingRegressor";

    /// <summary>The validated options.</summary>
    public StackingRegressorOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits the base learners fold by fold, the meta-learner on their out-of-fold predictions, then the base learners on all rows.</summary>
    public StackingRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.RowCount;
        if (n < 2)
        {
            throw new ArgumentException("Stacking needs at least 2 rows for out-of-fold predictions.", nameof(data));
        }

        var folds = KFold.Split(n, Math.Min(Options.FoldCount, n), shuffle: true, seed: Options.Seed);
        var bases = Options.BaseLearners;
        var layout = new StackingLayout(bases.Count, 1, data.FeatureCount, Options.PassThrough);
        var foldWork = folds.Length * bases.Count;
        var results = ParallelWork.Run(foldWork + bases.Count, Options.MaxDegreeOfParallelism, i =>
        {
            if (i >= foldWork)
            {
                return (Model: bases[i - foldWork].Fit(data, cancellationToken), OutOfFold: (double[]?)null);
            }

            var fold = folds[i / bases.Count];
            var model = bases[i % bases.Count].Fit(TrainingSubset.Take(data, fold.Train), cancellationToken);
            EnsembleShape.CheckMember(model, data.FeatureCount);
            var predictions = new double[fold.TestCount];
            model.Predict(data.Features.Take(fold.Test), predictions);
            return (Model: model, OutOfFold: predictions);
        }, cancellationToken);

        var meta = new double[n * layout.Width];
        for (var i = 0; i < foldWork; i++)
        {
            var test = folds[i / bases.Count].Test;
            for (var t = 0; t < test.Length; t++)
            {
                meta[(test[t] * layout.Width) + (i % bases.Count)] = results[i].OutOfFold![t];
            }
        }

        for (var r = 0; r < n; r++)
        {
            layout.PutFeatures(data.Features.Row(r), meta.AsSpan(r * layout.Width, layout.Width));
        }

        var weights = data.HasSampleWeights ? data.SampleWeights.ToArray() : null;
        var metaSet = new RegressionSet(new FeatureMatrix(n, layout.Width, meta), data.Targets.ToArray(), weights, layout.Names(data.FeatureNames, classifier: false));
        var metaModel = Options.MetaLearner.Fit(metaSet, cancellationToken);
        return new StackingRegressorModel([.. results[foldWork..].Select(r => r.Model)], metaModel, layout);
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
