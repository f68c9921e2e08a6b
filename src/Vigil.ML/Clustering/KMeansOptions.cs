namespace Vigil.ML.Clustering;

/// <summary>Immutable options of k-means (defaults as scikit-learn's KMeans); <see cref="Validate"/> reports every problem at once.</summary>
public sealed record KMeansOptions
{
    /// <summary>The number of clusters k; default 8.</summary>
    public int ClusterCount { get; init; } = 8;

    /// <summary>The number of k-means++ restarts; the lowest-inertia run is kept; default 10.</summary>
    public int InitCount { get; init; } = 10;

    /// <summary>The most Lloyd iterations per restart; default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the summed squared centroid shift is at most this times the mean per-feature variance; default 1e-4.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>The seed from which every restart's seed is drawn up front; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most restarts run at once; null (default) means the processor count. The model does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ClusterCount < 1)
        {
            errors.Add($"ClusterCount must be at least 1, not {ClusterCount}.");
        }

        if (InitCount < 1)
        {
            errors.Add($"InitCount must be at least 1, not {InitCount}.");
        }

        if (MaxIterations < 1)
        {
            errors.Add($"MaxIterations must be at least 1, not {MaxIterations}.");
        }

        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
        {
            errors.Add($"Tolerance must be finite and non-negative, not {Tolerance}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be null or at least 1, not {MaxDegreeOfParallelism}.");
        }

        return errors;
    }
}
