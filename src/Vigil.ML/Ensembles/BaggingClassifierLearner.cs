using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// Bootstrap aggregation of any weighted classifier (Breiman 1996, "Bagging predictors", Machine Learning
/// 24:123–140): each member is fitted on a resample expressed as integer sample weights (no data copied),
/// optionally on a random subset of the columns (Ho 1998, random subspaces), and the model averages the
/// members' probabilities. Every draw comes from per-member seeds drawn up front from
/// <see cref="BaggingClassifierOptions.Seed"/>, so parallel and sequential fits give the same model bit for bit.
/// </summary>
public sealed class BaggingClassifierLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public BaggingClassifierLearner(BaggingClassifierOptions? options = null)
    {
        Options = options ?? new BaggingClassifierOptions();
        EnsembleChecks.Throw(nameof(BaggingClassifierOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "BaggingClassifier";

    /// <summary>The validated options.</summary>
    public BaggingClassifierOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits every member on its resample.</summary>
    public BaggingClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot bag an empty training set.", nameof(data));
        }

        var o = Options;
        var seeds = BaggingSettings.MemberSeeds(o.Seed, o.MemberCount);
        var labels = data.Labels.ToArray();
        var members = ParallelWork.Run(o.MemberCount, o.MaxDegreeOfParallelism, m =>
        {
            var (weights, columns) = BaggingSettings.Draw(data, seeds[m], o.Bootstrap, o.SampleFraction, o.FeatureFraction);
            var set = columns is null
                ? data.WithSampleWeights(weights)
                : new ClassificationSet(columns.Project(data.Features), labels, data.ClassCount, weights, columns.Names(data.FeatureNames));
            var model = o.BaseLearner.Fit(set, cancellationToken);
            EnsembleShape.CheckMember(model, set.FeatureCount, data.ClassCount);
            return new BaggingMember<IClassifierModel>(model, columns);
        }, cancellationToken);
        return new BaggingClassifierModel(members, data.FeatureCount, data.ClassCount);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
