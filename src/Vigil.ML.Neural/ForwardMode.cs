namespace Vigil.ML.Neural;

/// <summary>How a forward pass runs: inference, or training with a per-step seed that makes dropout masks reproducible.</summary>
/// <param name="Training">True while training (dropout active, caches kept for the backward pass).</param>
/// <param name="Seed">The seed of this step for stochastic layers; the trainer derives it from the run seed, epoch, step and row offset.</param>
public readonly record struct ForwardMode(bool Training, ulong Seed)
{
    /// <summary>Inference: no dropout, no randomness.</summary>
    public static ForwardMode Inference => new(false, 0);

    /// <summary>Training with the given step seed.</summary>
    public static ForwardMode Train(ulong seed) => new(true, seed);
}
