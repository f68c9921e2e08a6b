using Vigil.Data.Splits;

namespace Vigil.ML.Boosting;

/// <summary>
/// Histogram gradient-boosted trees for classification (Friedman 2001, "Greedy function approximation: a gradient
/// boosting machine"; Chen and Guestrin 2016, "XGBoost"; Ke et al. 2017, "LightGBM"): binary log-loss with one tree
/// per round, or softmax with one tree per class per round; NaN handled by learned default directions.
/// </summary>
public sealed class HistGradientBoostingClassifierLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public HistGradientBoostingClassifierLearner(HistGradientBoostingClassifierOptions? options = null)
    {
        Options = options ?? new HistGradientBoostingClassifierOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid HistGradientBoostingClassifierOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "HistGradientBoostingClassifier";

    /// <summary>The validated options.</summary>
    public HistGradientBoostingClassifierOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits a model; with early stopping, a seeded stratified <c>ValidationFraction</c> of the rows is held out to choose the round count.</summary>
    public HistGradientBoostingClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Options.EarlyStoppingRounds is not null && data.RowCount > 1)
        {
            var split = StratifiedSplit.Split(data.Labels, Options.ValidationFraction, Options.Seed);
            if (split.TrainCount > 0 && split.TestCount > 0)
            {
                return Train(Subset(data, split.Train), Subset(data, split.Test), cancellationToken);
            }
        }

        return Train(data, null, cancellationToken);
    }

    /// <summary>Fits a model, tracking the log-loss on <paramref name="validation"/> every round (and stopping early when configured).</summary>
    public HistGradientBoostingClassifierModel Fit(ClassificationSet data, ClassificationSet validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(validation);
        if (validation.FeatureCount != data.FeatureCount || validation.ClassCount != data.ClassCount || validation.RowCount == 0)
        {
            throw new ArgumentException(
                $"The validation set has {validation.RowCount} rows of {validation.FeatureCount} features and {validation.ClassCount} classes; expected rows of {data.FeatureCount} features and {data.ClassCount} classes.",
                nameof(validation));
        }

        return Train(data, validation, cancellationToken);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    private HistGradientBoostingClassifierModel Train(ClassificationSet data, ClassificationSet? validation, CancellationToken cancellationToken)
    {
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit gradient boosting on an empty training set.", nameof(data));
        }

        var k = data.ClassCount;
        if (Options.ClassImbalance == ClassImbalance.ScalePosWeight && k != 2)
        {
            throw new ArgumentException($"ClassImbalance.ScalePosWeight needs a binary target, not {k} classes.", nameof(data));
        }

        var booster = new Booster(Options);
        if (k == 1)
        {
            return new HistGradientBoostingClassifierModel(
                new BoostedEnsemble([], [], 1, data.FeatureCount, [0.0], new double[data.FeatureCount], []), 1, booster.DegreeOfParallelism);
        }

        var ensemble = booster.Train(
            data.Features, Objective(data, Weights(data)), validation?.Features, validation is null ? null : Objective(validation, SampleWeights(validation)), cancellationToken);
        return new HistGradientBoostingClassifierModel(ensemble, k, booster.DegreeOfParallelism);
    }

    private static IBoostingObjective Objective(ClassificationSet set, double[] weights) => set.ClassCount == 2
        ? new LogisticObjective([.. set.Labels.ToArray().Select(l => (double)l)], weights)
        : new SoftmaxObjective(set.Labels.ToArray(), set.ClassCount, weights);

    private static double[] SampleWeights(TrainingSet set) =>
        set.HasSampleWeights ? set.SampleWeights.ToArray() : [.. Enumerable.Repeat(1.0, set.RowCount)];

    /// <summary>Sample weights times class weights: balanced W / (K·Wₖ) over the classes present, or scale_pos_weight on class 1.</summary>
    private double[] Weights(ClassificationSet set)
    {
        var weights = SampleWeights(set);
        var labels = set.Labels;
        var factor = new double[set.ClassCount];
        Array.Fill(factor, 1.0);
        if (Options.ClassImbalance == ClassImbalance.ScalePosWeight)
        {
            factor[1] = Options.ScalePosWeight;
        }
        else if (Options.ClassImbalance == ClassImbalance.Balanced)
        {
            var byClass = new double[set.ClassCount];
            for (var i = 0; i < weights.Length; i++)
            {
                byClass[labels[i]] += weights[i];
            }

            var present = byClass.Count(w => w > 0);
            var total = byClass.Sum();
            for (var c = 0; c < factor.Length; c++)
            {
                factor[c] = byClass[c] > 0 ? total / (present * byClass[c]) : 1.0;
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= factor[labels[i]];
        }

        return weights;
    }

    private static ClassificationSet Subset(ClassificationSet data, ReadOnlySpan<int> rows)
    {
        var labels = new int[rows.Length];
        var weights = data.HasSampleWeights ? new double[rows.Length] : null;
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = data.Labels[rows[i]];
            weights?[i] = data.SampleWeights[rows[i]];
        }

        return new ClassificationSet(data.Features.Take(rows), labels, data.ClassCount, weights, data.FeatureNames);
    }
}
