namespace Vigil.Features.Transforms;

/// <summary>Immutable options of the <c>kmeans</c> step; the seed comes from <see cref="FeatureFitContext.Seed"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record KMeansFeatureOptions
{
    /// <summary>The Float64 columns to cluster on (standardized inside the step); empty (default) means every Float64 column except the target.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The number of clusters k; default 8.</summary>
    public int ClusterCount { get; init; } = 8;

    /// <summary>The number of k-means++ restarts; default 10.</summary>
    public int InitCount { get; init; } = 10;

    /// <summary>The most Lloyd iterations per restart; default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>The name of the added cluster id column (Float64, NaN for incomplete rows); default <c>cluster</c>.</summary>
    public string ClusterColumn { get; init; } = "cluster";

    /// <summary>The name of the added distance-to-nearest-centroid column (in standardized units); default <c>cluster_distance</c>.</summary>
    public string DistanceColumn { get; init; } = "cluster_distance";

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Columns(Columns, errors);
        OptionChecks.Name(ClusterColumn, nameof(ClusterColumn), errors);
        OptionChecks.Name(DistanceColumn, nameof(DistanceColumn), errors);
        if (ClusterColumn == DistanceColumn && !string.IsNullOrWhiteSpace(ClusterColumn))
        {
            errors.Add("ClusterColumn and DistanceColumn must differ.");
        }

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

        return errors;
    }
}
