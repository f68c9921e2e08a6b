namespace Vigil.ML.Tuning;

/// <summary>How a trial ended.</summary>
public enum TrialState
{
    /// <summary>The objective returned a finite value.</summary>
    Complete,

    /// <summary>The objective threw <see cref="TrialPrunedException"/> after the pruner flagged it.</summary>
    Pruned,

    /// <summary>The objective threw or returned NaN; the error is recorded and the study continues.</summary>
    Failed,
}
