namespace Vigil.ML.Tuning;

/// <summary>Immutable options of <see cref="TpeSampler"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record TpeOptions
{
    /// <summary>Completed trials sampled at random before TPE takes over; default 10.</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from l(x) per parameter, of which the one with the highest l(x)/g(x) wins; default 24.</summary>
    public int CandidateCount { get; init; } = 24;

    /// <summary>The γ of <see cref="SplitRule"/>; default 0.25.</summary>
    public double Gamma { get; init; } = 0.25;

    /// <summary>How the good set's size follows from γ and n; default <see cref="TpeSplitRule.Quantile"/>.</summary>
    public TpeSplitRule SplitRule { get; init; } = TpeSplitRule.Quantile;

    /// <summary>The good set never holds more trials than this; default 25 (as in hyperopt and Optuna).</summary>
    public int MaxGoodTrials { get; init; } = 25;

    /// <summary>Weight of the prior component (a wide Gaussian over the range, or uniform over the choices) in each estimator; default 1.</summary>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StartupTrials < 0)
        {
            errors.Add($"StartupTrials must be at least 0, not {StartupTrials}.");
        }

        if (CandidateCount < 1)
        {
            errors.Add($"CandidateCount must be at least 1, not {CandidateCount}.");
        }

        if (!(Gamma > 0 && Gamma <= 1))
        {
            errors.Add($"Gamma must lie in (0, 1], not {Gamma}.");
        }

        if (!Enum.IsDefined(SplitRule))
        {
            errors.Add($"SplitRule {SplitRule} is not defined.");
        }

        if (MaxGoodTrials < 1)
        {
            errors.Add($"MaxGoodTrials must be at least 1, not {MaxGoodTrials}.");
        }

        if (!(PriorWeight > 0 && double.IsFinite(PriorWeight)))
        {
            errors.Add($"PriorWeight must be positive and finite, not {PriorWeight}.");
        }

        return errors;
    }

    /// <summary>The size of the good set among <paramref name="completed"/> trials, in [1, completed] when completed ≥ 1.</summary>
    internal int GoodCount(int completed)
    {
        var raw = SplitRule == TpeSplitRule.SquareRoot ? Gamma * Math.Sqrt(completed) : Gamma * completed;
        return Math.Min(Math.Min((int)Math.Ceiling(raw), MaxGoodTrials), completed);
    }
}
