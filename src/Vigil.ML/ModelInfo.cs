namespace Vigil.ML;

/// <summary>Descriptive metadata carried with a trained model: how it was trained, on what, and how well it did.</summary>
public sealed record ModelInfo
{
    /// <summary>The learner's name, e.g. "DecisionTree".</summary>
    public required string LearnerName { get; init; }

    /// <summary>The learner's options serialized as a JSON object; default "{}".</summary>
    public string LearnerOptionsJson { get; init; } = "{}";

    /// <summary>Evaluation metrics by name (e.g. from <c>ClassificationMetrics.ToDictionary</c>); default none.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The content hash of the training dataset version, when known.</summary>
    public string? TrainingDatasetHash { get; init; }

    /// <summary>When the model was created, as supplied by the caller's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The positive-class probability at or above which a binary classifier predicts the positive class (null = 0.5); tuned on out-of-fold training predictions only.</summary>
    public double? DecisionThreshold { get; init; }

    /// <summary>The tuned hyperparameters as invariant text (empty when not tuned).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
