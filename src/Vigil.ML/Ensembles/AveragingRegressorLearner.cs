using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>A weighted average of different regressors, each fitted on all the data (scikit-learn's <c>VotingRegressor</c>).</summary>
public sealed class AveragingRegressorLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public AveragingRegressorLearner(AveragingRegressorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        EnsembleChecks.Throw(nameof(AveragingRegressorOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "AveragingRegressor";

    /// <summary>The validated options.</summary>
    public AveragingRegressorOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits every member on <paramref name="data"/>.</summary>
    public AveragingRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var learners = Options.Learners;
        var members = ParallelWork.Run(learners.Count, Options.MaxDegreeOfParallelism, m => learners[m].Fit(data, cancellationToken), cancellationToken);
        return new AveragingRegressorModel(members, EnsembleChecks.Normalized(Options.Weights, learners.Count), data.FeatureCount);
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
