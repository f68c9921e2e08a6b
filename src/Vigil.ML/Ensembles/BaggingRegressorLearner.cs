using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// Bootstrap aggregation of any weighted regressor (Breiman 1996, "Bagging predictors", Machine Learning
/// 24:123–140): members fitted on resamples expressed as integer sample weights, optionally on random column
/// subsets, averaged. Per-member seeds are drawn up front, so parallel and sequential fits agree bit for bit.
/// </summary>
public sealed class BaggingRegressorLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public BaggingRegressorLearner(BaggingRegressorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        EnsembleChecks.Throw(nameof(BaggingRegressorOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "BaggingRegressor";

    /// <summary>The validated options.</summary>
    public BaggingRegressorOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits every member on its resample.</summary>
    public BaggingRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot bag an empty training set.", nameof(data));
        }

        var o = Options;
        var seeds = BaggingSettings.MemberSeeds(o.Seed, o.MemberCount);
        var targets = data.Targets.ToArray();
        var members = ParallelWork.Run(o.MemberCount, o.MaxDegreeOfParallelism, m =>
        {
            var (weights, columns) = BaggingSettings.Draw(data, seeds[m], o.Bootstrap, o.SampleFraction, o.FeatureFraction);
            var set = columns is null
                ? data.WithSampleWeights(weights)
                : new RegressionSet(columns.Project(data.Features), targets, weights, columns.Names(data.FeatureNames));
            var model = o.BaseLearner.Fit(set, cancellationToken);
            EnsembleShape.CheckMember(model, set.FeatureCount);
            return new BaggingMember<IRegressorModel>(model, columns);
        }, cancellationToken);
        return new BaggingRegressorModel(members, data.FeatureCount);
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
