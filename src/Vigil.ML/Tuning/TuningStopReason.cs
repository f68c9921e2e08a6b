namespace Vigil.ML.Tuning;

/// <summary>Why a study stopped.</summary>
public enum TuningStopReason
{
    /// <summary>It ran <see cref="TunerOptions.MaxTrials"/> trials.</summary>
    MaxTrials,

    /// <summary>The <see cref="TunerOptions.TimeBudget"/> ran out before the next batch.</summary>
    TimeBudget,

    /// <summary>The sampler had nothing left to propose (a grid fully visited).</summary>
    SearchSpaceExhausted,
}
