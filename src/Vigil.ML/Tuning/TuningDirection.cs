namespace Vigil.ML.Tuning;

/// <summary>Whether a study looks for the lowest or the highest objective value.</summary>
public enum TuningDirection
{
    /// <summary>Lower is better (losses, errors).</summary>
    Minimize,

    /// <summary>Higher is better (accuracy, AUC, F1).</summary>
    Maximize,
}
