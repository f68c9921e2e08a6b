namespace Vigil.ML.Ensembles;

/// <summary>Immutable options of <see cref="AveragingRegressorLearner"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record AveragingRegressorOptions
{
    /// <summary>The member learners, each fitted on all the data.</summary>
    public required IReadOnlyList<IRegressorLearner> Learners { get; init; }

    /// <summary>One non-negative weight per learner; null (default) weighs them equally.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Members fitted at once: 1 (default) sequential, −1 all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        EnsembleChecks.Members(Learners, nameof(Learners), errors);
        EnsembleChecks.Weights(Weights, Learners?.Count ?? 0, errors);
        EnsembleChecks.Parallelism(MaxDegreeOfParallelism, errors);
        return errors;
    }
}
