namespace Vigil.ML.Inspection;

/// <summary>Immutable options of <see cref="PermutationImportance"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record PermutationImportanceOptions
{
    /// <summary>How many times each feature is shuffled; default 5.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>The seed of the shuffles; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The classifier score; default <see cref="PermutationScoring.Auto"/>. Regressors always use R².</summary>
    public PermutationScoring Scoring { get; init; } = PermutationScoring.Auto;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Repeats < 1)
        {
            errors.Add($"Repeats must be at least 1, not {Repeats}.");
        }

        if (!Enum.IsDefined(Scoring))
        {
            errors.Add($"Scoring {Scoring} is not defined.");
        }

        return errors;
    }
}
