namespace Vigil.Features.Synthesis;

/// <summary>The out-of-fold score that decides whether a candidate feature pays; higher is better for every choice.</summary>
public enum SynthesisMetric
{
    /// <summary>Average precision for binary targets, negative log loss for more classes, R² for regression.</summary>
    Auto,

    /// <summary>Average precision (PR-AUC) of the positive class; binary targets only.</summary>
    AveragePrecision,

    /// <summary>ROC-AUC; binary targets only.</summary>
    RocAuc,

    /// <summary>Negative multiclass log loss.</summary>
    NegativeLogLoss,

    /// <summary>Coefficient of determination; regression only.</summary>
    R2,
}
