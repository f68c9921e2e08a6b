namespace Vigil.ML.Tuning;

/// <summary>
/// Proposes the parameters of the next trial. Implementations must be pure functions of the context (space,
/// history, trial number and the trial's own seeded <see cref="Random"/>) so studies replay exactly.
/// </summary>
public interface ISampler
{
    /// <summary>Every reason this sampler cannot search <paramref name="space"/>; empty when it can.</summary>
    IReadOnlyList<string> Validate(SearchSpace space);

    /// <summary>The parameters of trial <see cref="SamplingContext.TrialNumber"/>, or null when nothing is left to try.</summary>
    ParameterSet? Sample(SamplingContext context);
}
