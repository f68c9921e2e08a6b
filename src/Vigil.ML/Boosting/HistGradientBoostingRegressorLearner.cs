namespace Vigil.ML.Boosting;

/// <summary>
/// Histogram gradient-boosted trees for regression (Friedman 2001; Chen and Guestrin 2016; Ke et al. 2017) with
/// squared-error or Huber loss; NaN handled by learned default directions.
/// </summary>
public sealed class HistGradientBoostingRegressorLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public HistGradientBoostingRegressorLearner(HistGradientBoostingRegressorOptions? options = null)
    {
        Options = options ?? new HistGradientBoostingRegressorOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid HistGradientBoostingRegressorOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "HistGradientBoostingRegressor";

    /// <summary>The validated options.</summary>
    public HistGradientBoostingRegressorOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits a model; with early stopping, a seeded random <c>ValidationFraction</c> of the rows is held out to choose the round count.</summary>
    public HistGradientBoostingRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var held = (int)Math.Round(data.RowCount * Options.ValidationFraction, MidpointRounding.AwayFromZero);
        if (Options.EarlyStoppingRounds is not null && held > 0 && held < data.RowCount)
        {
            var order = Enumerable.Range(0, data.RowCount).ToArray();
            new Random(Options.Seed).Shuffle(order);
            var test = order[..held];
            var train = order[held..];
            Array.Sort(test);
            Array.Sort(train);
            return Train(Subset(data, train), Subset(data, test), cancellationToken);
        }

        return Train(data, null, cancellationToken);
    }

    /// <summary>Fits a model, tracking the loss on <paramref name="validation"/> every round (and stopping early when configured).</summary>
    public HistGradientBoostingRegressorModel Fit(RegressionSet data, RegressionSet validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(validation);
        if (validation.FeatureCount != data.FeatureCount || validation.RowCount == 0)
        {
            throw new ArgumentException(
                $"The validation set has {validation.RowCount} rows of {validation.FeatureCount} features; expected rows of {data.FeatureCount} features.", nameof(validation));
        }

        return Train(data, validation, cancellationToken);
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    private HistGradientBoostingRegressorModel Train(RegressionSet data, RegressionSet? validation, CancellationToken cancellationToken)
    {
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit gradient boosting on an empty training set.", nameof(data));
        }

        var booster = new Booster(Options);
        var ensemble = booster.Train(data.Features, Objective(data), validation?.Features, validation is null ? null : Objective(validation), cancellationToken);
        return new HistGradientBoostingRegressorModel(ensemble, booster.DegreeOfParallelism);
    }

    private RegressionObjective Objective(RegressionSet set) => new(
        set.Targets.ToArray(),
        set.HasSampleWeights ? set.SampleWeights.ToArray() : [.. Enumerable.Repeat(1.0, set.RowCount)],
        Options.Loss,
        Options.HuberDelta);

    private static RegressionSet Subset(RegressionSet data, int[] rows)
    {
        var targets = new double[rows.Length];
        var weights = data.HasSampleWeights ? new double[rows.Length] : null;
        for (var i = 0; i < rows.Length; i++)
        {
            targets[i] = data.Targets[rows[i]];
            weights?[i] = data.SampleWeights[rows[i]];
        }

        return new RegressionSet(data.Features.Take(rows), targets, weights, data.FeatureNames);
    }
}
