namespace Vigil.ML.Ensembles;

/// <summary>Immutable options of <see cref="BaggingRegressorLearner"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record BaggingRegressorOptions
{
    /// <summary>The learner fitted on every resample; required; it must honour sample weights.</summary>
    public required IRegressorLearner BaseLearner { get; init; }

    /// <summary>The number of members; default 10.</summary>
    public int MemberCount { get; init; } = 10;

    /// <summary>Draw rows with replacement (bootstrap); false draws distinct rows ("pasting"). Default true.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Rows drawn per member as a fraction of the training rows, in (0, 1]; default 1.</summary>
    public double SampleFraction { get; init; } = 1.0;

    /// <summary>Columns each member sees, as a fraction of the features, in (0, 1] (random subspaces); default 1 (all).</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>The seed of every draw; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Members fitted at once: 1 (default) sequential, −1 all cores. The model is identical either way.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseLearner is null)
        {
            errors.Add("BaseLearner is required.");
        }

        BaggingSettings.Validate(MemberCount, SampleFraction, FeatureFraction, MaxDegreeOfParallelism, errors);
        return errors;
    }
}
