namespace Vigil.Pipelines.Training;

/// <summary>How to tune hyperparameters: sampler, number of trials and cross-validation folds on the training rows.</summary>
public sealed record TuningRequest
{
    /// <summary>Creates a request; sampler is grid, random or tpe.</summary>
    public TuningRequest(string sampler, int trials = 30, int folds = 3)
    {
        var errors = new List<string>();
        if (sampler is not ("grid" or "random" or "tpe"))
        {
            errors.Add($"--tune: '{sampler}' must be grid, random or tpe");
        }

        if (trials < 1)
        {
            errors.Add($"--trials: {trials} must be at least 1");
        }

        if (folds < 2)
        {
            errors.Add($"tuning folds: {folds} must be at least 2");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        Sampler = sampler;
        Trials = trials;
        Folds = folds;
    }

    /// <summary>grid, random or tpe.</summary>
    public string Sampler { get; }

    /// <summary>The maximum number of trials.</summary>
    public int Trials { get; }

    /// <summary>Cross-validation folds inside each trial.</summary>
    public int Folds { get; }
}
