namespace Vigil.ML.Tuning;

/// <summary>
/// The median stopping rule (Golovin, Solnik, Moitra, Kochanski, Karro and Sculley 2017, "Google Vizier: A
/// Service for Black-Box Optimization", KDD): prune a trial whose value at a step is worse than the median of the
/// completed trials' values at the same step. Vizier compares running averages and Optuna the trial's best value so
/// far; this one compares the value at the step itself, the plainest reading of the rule.
/// </summary>
public sealed class MedianPruner : IPruner
{
    /// <summary>Creates a pruner that waits for <paramref name="startupTrials"/> completed trials and never prunes before step <paramref name="warmupSteps"/>.</summary>
    public MedianPruner(int startupTrials = 5, int warmupSteps = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        (StartupTrials, WarmupSteps) = (startupTrials, warmupSteps);
    }

    /// <summary>Completed trials needed before anything is pruned; default 5.</summary>
    public int StartupTrials { get; }

    /// <summary>Reports at steps below this are never pruned; default 0.</summary>
    public int WarmupSteps { get; }

    /// <inheritdoc/>
    public bool ShouldPrune(Trial trial, IReadOnlyList<TrialRecord> history)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(history);
        if (trial.IntermediateValues.Count == 0)
        {
            return false;
        }

        var (step, value) = trial.IntermediateValues[^1];
        var completed = history.Where(t => t.State == TrialState.Complete).ToList();
        if (step < WarmupSteps || completed.Count < StartupTrials)
        {
            return false;
        }

        var atStep = completed.Select(t => t.IntermediateValueAt(step)).OfType<double>().Order().ToArray();
        if (atStep.Length == 0)
        {
            return false;
        }

        var mid = atStep.Length / 2;
        var median = atStep.Length % 2 == 1 ? atStep[mid] : (atStep[mid - 1] + atStep[mid]) / 2;
        return trial.Direction == TuningDirection.Minimize ? value > median : value < median;
    }
}
