namespace Vigil.ML.Forests;

/// <summary>Immutable options of a random forest regressor (squared error; defaults follow scikit-learn ≥ 1.1); <see cref="Validate"/> reports every problem at once.</summary>
public sealed record RandomForestRegressorOptions
{
    /// <summary>The number of trees; default 100.</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>Whether each tree sees a bootstrap sample (drawn with replacement); default true.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>The fraction of rows drawn per tree when bootstrapping; null (default) draws as many rows as there are.</summary>
    public double? MaxSamples { get; init; }

    /// <summary>Features drawn at random per node; null (default) means all of them.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>The deepest a leaf may be; null (default) grows until leaves are constant or too small.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The fewest rows a node needs to be split; default 2.</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>The fewest rows each child must keep; default 1.</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Whether to compute the out-of-bag R² and predictions (needs <see cref="Bootstrap"/>); default false.</summary>
    public bool OobScore { get; init; }

    /// <summary>The most bins a feature is quantized into (2–255); default 255.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>The seed of bootstrap and feature sampling; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Threads used to grow trees and score large batches; default <see cref="Environment.ProcessorCount"/>. Results never depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        ForestOptionChecks.Common(
            errors, TreeCount, Bootstrap, MaxSamples, OobScore, MaxBins, MaxDegreeOfParallelism, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures);
        return errors;
    }
}
