namespace Vigil.ML.Tuning;

/// <summary>What a sampler may look at when proposing one trial.</summary>
public sealed class SamplingContext
{
    /// <summary>Creates a context; <paramref name="random"/> must be seeded for the trial so that sampling replays.</summary>
    public SamplingContext(SearchSpace space, IReadOnlyList<TrialRecord> history, TuningDirection direction, int trialNumber, Random random)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(trialNumber);
        (Space, History, Direction, TrialNumber, Random) = (space, history, direction, trialNumber, random);
    }

    /// <summary>The space to sample from.</summary>
    public SearchSpace Space { get; }

    /// <summary>The trials finished before this trial's batch, in number order.</summary>
    public IReadOnlyList<TrialRecord> History { get; }

    /// <summary>The study's direction.</summary>
    public TuningDirection Direction { get; }

    /// <summary>The number of the trial being sampled.</summary>
    public int TrialNumber { get; }

    /// <summary>A generator seeded for this trial alone.</summary>
    public Random Random { get; }
}
