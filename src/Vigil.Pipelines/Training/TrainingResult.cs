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

    /// <summary>Cross-validation on the training rows: metric → (mean, standard deviation); empty when not run.</summary>
    public IReadOnlyDictionary<string, (double Mean, double Std)> CrossValidation { get; init; } = new Dictionary<string, (double, double)>();

    /// <summary>Cross-validation scores per fold, in fold order, for the same metrics as <see cref="CrossValidation"/>; empty when not run.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> CrossValidationFolds { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>What tuning found, or null when not tuned.</summary>
    public TuningSummary? Tuning { get; init; }

    /// <summary>The tuned binary decision threshold, or null for 0.5.</summary>
    public double? DecisionThreshold { get; init; }
}
