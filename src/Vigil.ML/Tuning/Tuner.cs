namespace Vigil.ML.Tuning;

/// <summary>
/// Runs a hyperparameter study: samples trials from a <see cref="SearchSpace"/>, evaluates the objective on them
/// (optionally in parallel batches), records every outcome and returns the history with the best trial.
/// </summary>
public static class Tuner
{
    /// <summary>Runs a study with a synchronous objective; see <see cref="RunAsync"/>.</summary>
    public static TuningResult Run(
        SearchSpace space, Func<Trial, CancellationToken, double> objective, TunerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return RunAsync(space, (trial, ct) => ValueTask.FromResult(objective(trial, ct)), options, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs a study. Exceptions in the objective fail that trial (the study goes on), <see cref="TrialPrunedException"/>
    /// prunes it; cancelling <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>.
    /// Throws <see cref="ArgumentException"/> listing every invalid option or space/sampler mismatch before any trial.
    /// </summary>
    public static Task<TuningResult> RunAsync(
        SearchSpace space, Func<Trial, CancellationToken, ValueTask<double>> objective, TunerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        options ??= new TunerOptions();
        var errors = options.Validate().Concat(options.Sampler?.Validate(space) ?? []).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid tuning study: " + string.Join(" ", errors), nameof(options));
        }

        return new StudyRunner(space, objective, options).RunAsync(cancellationToken);
    }
}
