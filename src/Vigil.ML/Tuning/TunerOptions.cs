namespace Vigil.ML.Tuning;

/// <summary>Immutable options of a tuning study; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record TunerOptions
{
    /// <summary>Whether lower or higher objective values are better; default <see cref="TuningDirection.Minimize"/>.</summary>
    public TuningDirection Direction { get; init; } = TuningDirection.Minimize;

    /// <summary>The most trials to run; default 100.</summary>
    public int MaxTrials { get; init; } = 100;

    /// <summary>How trials are proposed; default a <see cref="TpeSampler"/> with default options.</summary>
    public ISampler Sampler { get; init; } = new TpeSampler();

    /// <summary>Stops unpromising trials early; default null (no pruning).</summary>
    public IPruner? Pruner { get; init; }

    /// <summary>The study's seed, from which every trial's sampling seed and <see cref="Trial.Seed"/> are drawn; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most trials evaluated at once; default 1. Never changes the results (see <see cref="BatchSize"/>).</summary>
    public int MaxParallelism { get; init; } = 1;

    /// <summary>
    /// Trials sampled together from the history finished before them; null (default) means <see cref="MaxParallelism"/>.
    /// Results depend on the seed and the batch size only, so a parallel study replays sequentially with the same batch size.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>No new batch starts once this much time has passed on <see cref="TimeProvider"/>; null (default) means no limit. Running trials are not interrupted.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>The clock for trial times and the time budget; default <see cref="System.TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The batch size in effect.</summary>
    internal int EffectiveBatchSize => BatchSize ?? MaxParallelism;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Direction))
        {
            errors.Add($"Direction {Direction} is not defined.");
        }

        if (MaxTrials < 1)
        {
            errors.Add($"MaxTrials must be at least 1, not {MaxTrials}.");
        }

        if (Sampler is null)
        {
            errors.Add("Sampler must not be null.");
        }

        if (MaxParallelism < 1)
        {
            errors.Add($"MaxParallelism must be at least 1, not {MaxParallelism}.");
        }

        if (BatchSize is < 1)
        {
            errors.Add($"BatchSize must be null or at least 1, not {BatchSize}.");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            errors.Add($"TimeBudget must be null or positive, not {budget}.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must not be null.");
        }

        return errors;
    }
}
