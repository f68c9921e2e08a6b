namespace Vigil.ML.Ensembles;

/// <summary>Immutable options of <see cref="StackingRegressorLearner"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record StackingRegressorOptions
{
    /// <summary>The level-0 learners whose out-of-fold predictions become the meta-features.</summary>
    public required IReadOnlyList<IRegressorLearner> BaseLearners { get; init; }

    /// <summary>The level-1 learner; default a non-negative <see cref="LinearCombinerLearner"/> with intercept (Breiman 1996).</summary>
    public IRegressorLearner MetaLearner { get; init; } = new LinearCombinerLearner();

    /// <summary>Shuffled k-fold folds for the out-of-fold predictions; default 5 (lowered to the row count on tiny data).</summary>
    public int FoldCount { get; init; } = 5;

    /// <summary>The seed of the fold shuffle; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Also give the meta-learner the original features; default false.</summary>
    public bool PassThrough { get; init; }

    /// <summary>Base fits run at once: 1 (default) sequential, −1 all cores. The model is identical either way.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        EnsembleChecks.Members(BaseLearners, nameof(BaseLearners), errors);
        if (MetaLearner is null)
        {
            errors.Add("MetaLearner is required.");
        }

        if (FoldCount < 2)
        {
            errors.Add($"FoldCount must be at least 2, not {FoldCount}.");
        }

        EnsembleChecks.Parallelism(MaxDegreeOfParallelism, errors);
        return errors;
    }
}
