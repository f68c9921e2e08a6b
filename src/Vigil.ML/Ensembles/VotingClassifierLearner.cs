using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// A voting ensemble of different classifiers, each fitted on all the data: soft voting averages the members'
/// probabilities with the given weights; hard voting gives each member's weight to its most probable class
/// (Kittler, Hatef, Duin and Matas 1998, "On combining classifiers", IEEE TPAMI 20(3)).
/// </summary>
public sealed class VotingClassifierLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public VotingClassifierLearner(VotingClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        EnsembleChecks.Throw(nameof(VotingClassifierOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "VotingClassifier";

    /// <summary>The validated options.</summary>
    public VotingClassifierOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits every member on <paramref name="data"/>.</summary>
    public VotingClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var learners = Options.Learners;
        var members = ParallelWork.Run(learners.Count, Options.MaxDegreeOfParallelism, m => learners[m].Fit(data, cancellationToken), cancellationToken);
        return new VotingClassifierModel(members, EnsembleChecks.Normalized(Options.Weights, learners.Count), Options.Voting, data.FeatureCount, data.ClassCount);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
