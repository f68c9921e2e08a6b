namespace Vigil.ML.Anomaly;

/// <summary>Immutable options of an isolation forest (defaults as scikit-learn's IsolationForest); <see cref="Validate"/> reports every problem at once.</summary>
public sealed record IsolationForestOptions
{
    /// <summary>The number of isolation trees; default 100.</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>The rows drawn without replacement for each tree, ψ (capped at the row count); default 256.</summary>
    public int MaxSamples { get; init; } = 256;

    /// <summary>The expected share of anomalies in (0, 0.5]: the threshold becomes that quantile of the training scores; null (default) means scikit-learn's "auto", score &gt; 0.5.</summary>
    public double? Contamination { get; init; }

    /// <summary>The seed from which every tree's seed is drawn up front; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most trees built at once; null (default) means the processor count. The model does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TreeCount < 1)
        {
            errors.Add($"TreeCount must be at least 1, not {TreeCount}.");
        }

        if (MaxSamples < 2)
        {
            errors.Add($"MaxSamples must be at least 2, not {MaxSamples}.");
        }

        if (Contamination is { } c && !(c > 0 && c <= 0.5))
        {
            errors.Add($"Contamination must be null (auto) or in (0, 0.5], not {c}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be null or at least 1, not {MaxDegreeOfParallelism}.");
        }

        return errors;
    }
}
