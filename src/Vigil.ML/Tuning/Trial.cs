namespace Vigil.ML.Tuning;

/// <summary>
/// The running trial handed to an objective: its number, sampled parameters and seed, and the channel for
/// intermediate values that feeds the pruner. Used by one objective call at a time; not thread-safe.
/// </summary>
public sealed class Trial
{
    private readonly List<IntermediateValue> _intermediateValues = [];
    private readonly IReadOnlyList<TrialRecord> _history;
    private readonly IPruner? _pruner;

    internal Trial(int number, int seed, ParameterSet parameters, IReadOnlyList<TrialRecord> history, IPruner? pruner, TuningDirection direction)
    {
        (Number, Seed, Parameters, _history, _pruner, Direction) = (number, seed, parameters, history, pruner, direction);
    }

    /// <summary>The trial's number, 0-based, in sampling order.</summary>
    public int Number { get; }

    /// <summary>A seed drawn from the study's seed for this trial; seed the learners and splits in the objective with it.</summary>
    public int Seed { get; }

    /// <summary>The sampled parameters.</summary>
    public ParameterSet Parameters { get; }

    /// <summary>The study's direction.</summary>
    public TuningDirection Direction { get; }

    /// <summary>The values reported so far, by increasing step.</summary>
    public IReadOnlyList<IntermediateValue> IntermediateValues => _intermediateValues;

    /// <summary>Whether the pruner judged the last reported value unpromising; the objective should then throw <see cref="TrialPrunedException"/>.</summary>
    public bool ShouldPrune { get; private set; }

    /// <summary>Records an intermediate value (steps strictly increasing, value finite) and asks the pruner about it.</summary>
    public void Report(int step, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (_intermediateValues.Count > 0 && step <= _intermediateValues[^1].Step)
        {
            throw new ArgumentException($"Step {step} must exceed the last reported step {_intermediateValues[^1].Step}.", nameof(step));
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Intermediate value {value} at step {step} is not finite.", nameof(value));
        }

        _intermediateValues.Add(new IntermediateValue(step, value));
        ShouldPrune = _pruner?.ShouldPrune(this, _history) ?? false;
    }

    /// <summary>Throws <see cref="TrialPrunedException"/> when <see cref="ShouldPrune"/> is set.</summary>
    public void ThrowIfShouldPrune()
    {
        if (ShouldPrune)
        {
            throw new TrialPrunedException($"Trial {Number} was pruned at step {_intermediateValues[^1].Step}.");
        }
    }
}
