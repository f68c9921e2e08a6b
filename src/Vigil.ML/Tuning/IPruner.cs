namespace Vigil.ML.Tuning;

/// <summary>Decides after each intermediate report whether a running trial should stop early.</summary>
public interface IPruner
{
    /// <summary>
    /// Whether <paramref name="trial"/>, whose last report is <c>trial.IntermediateValues[^1]</c>, should stop;
    /// <paramref name="history"/> holds the trials finished before the trial's batch started, so answers never depend on thread timing.
    /// </summary>
    bool ShouldPrune(Trial trial, IReadOnlyList<TrialRecord> history);
}
