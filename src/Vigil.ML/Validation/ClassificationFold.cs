using Vigil.ML.Evaluation;

namespace Vigil.ML.Validation;

/// <summary>The scores of one cross-validation fold of a classifier, measured on the fold's held-out rows.</summary>
public sealed record ClassificationFold
{
    /// <summary>The fold's position in the folds given.</summary>
    public required int Index { get; init; }

    /// <summary>The number of rows the model was fitted on.</summary>
    public required int TrainCount { get; init; }

    /// <summary>The number of held-out rows scored.</summary>
    public required int TestCount { get; init; }

    /// <summary>Accuracy, per-class and averaged precision/recall/F1 of the most probable class.</summary>
    public required MulticlassMetrics Metrics { get; init; }

    /// <summary>Binary metrics at the options' threshold (class 1 positive); null unless there are exactly two classes.</summary>
    public required ClassificationMetrics? Binary { get; init; }

    /// <summary>The clipped log loss of the held-out rows.</summary>
    public required double LogLoss { get; init; }

    /// <summary>Brier's multi-category score of the held-out rows (twice the binary Brier score for two classes).</summary>
    public required double Brier { get; init; }
}
