using Vigil.ML.Evaluation;

namespace Vigil.ML.Validation;

/// <summary>The scores of one cross-validation fold of a regressor, measured on the fold's held-out rows.</summary>
public sealed record RegressionFold
{
    /// <summary>The fold's position in the folds given.</summary>
    public required int Index { get; init; }

    /// <summary>The number of rows the model was fitted on.</summary>
    public required int TrainCount { get; init; }

    /// <summary>The number of held-out rows scored.</summary>
    public required int TestCount { get; init; }

    /// <summary>RMSE, MAE, R² and the other regression metrics of the held-out rows.</summary>
    public required RegressionMetrics Metrics { get; init; }
}
