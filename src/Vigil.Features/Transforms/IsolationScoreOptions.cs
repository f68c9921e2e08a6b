namespace Vigil.Features.Transforms;

/// <summary>Immutable options of <c>isolation_score</c>; the forest's seed comes from <see cref="FeatureFitContext.Seed"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record IsolationScoreOptions
{
    /// <summary>The Float64 columns the forest sees; empty (default) means every Float64 column except the target.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The number of isolation trees; default 100.</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>The rows drawn for each tree, ψ (capped at the complete training rows); default 256.</summary>
    public int MaxSamples { get; init; } = 256;

    /// <summary>The name of the added score column; default <c>anomaly_score</c>.</summary>
    public string OutputColumn { get; init; } = "anomaly_score";

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Columns(Columns, errors);
        OptionChecks.Name(OutputColumn, nameof(OutputColumn), errors);
        if (TreeCount < 1)
        {
            errors.Add($"TreeCount must be at least 1, not {TreeCount}.");
        }

        if (MaxSamples < 2)
        {
            errors.Add($"MaxSamples must be at least 2, not {MaxSamples}.");
        }

        return errors;
    }
}
