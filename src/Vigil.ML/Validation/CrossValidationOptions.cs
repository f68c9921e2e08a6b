namespace Vigil.ML.Validation;

/// <summary>Immutable options of <see cref="CrossValidation"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record CrossValidationOptions
{
    /// <summary>Folds fitted at once: 1 (default) sequential, −1 all cores. Results are identical either way.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>The decision threshold of the binary per-fold metrics; default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ParallelWork.Check(MaxDegreeOfParallelism) is { } parallel)
        {
            errors.Add(parallel);
        }

        if (!(Threshold >= 0 && Threshold <= 1))
        {
            errors.Add($"Threshold must lie in [0, 1], not {Threshold}.");
        }

        return errors;
    }
}
