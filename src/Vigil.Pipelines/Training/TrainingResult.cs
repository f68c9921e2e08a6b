using Vigil.ML;

namespace Vigil.Pipelines.Training;

/// <summary>The outcome of a training job: the fitted model, how the data was split and the held-out metrics.</summary>
public sealed record TrainingResult
{
    /// <summary>The fitted model with its encoding and metadata (test metrics included).</summary>
    public required ITabularModel Model { get; init; }

    /// <summary>Classification or regression.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>How the hold-out was drawn (e.g. "stratified").</summary>
    public required string SplitKind { get; init; }

    /// <summary>Training rows.</summary>
    public required int TrainRows { get; init; }

    /// <summary>Test rows.</summary>
    public required int TestRows { get; init; }

    /// <summary>Metrics on the held-out test rows (snake_case keys).</summary>
    public required IReadOnlyDictionary<string, double> Test { get; init; }

    /// <summary>Columns left out of the features, with the reason for each.</summary>
    public required IReadOnlyDictionary<string, string> ExcludedColumns { get; init; }

    /// <summary>Wall seconds of the final fit.</summary>
    public required double TrainSeconds { get; init; }
}
