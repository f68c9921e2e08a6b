namespace Vigil.ML.Linear;

/// <summary>Immutable options of ridge regression, minimizing Σ vᵢ(yᵢ − w·xᵢ − b)² + α‖w‖²; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record RidgeRegressionOptions
{
    /// <summary>The L2 penalty α ≥ 0 (the intercept is unpenalized); default 1, as scikit-learn's Ridge.</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Whether to fit an intercept; default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Whether to penalize standardized coefficients (features scaled to unit population std inside the model); default true. scikit-learn's Ridge does not scale: set false to match it.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate() =>
        Alpha >= 0 && double.IsFinite(Alpha) ? [] : [$"Alpha must be finite and non-negative, not {Alpha}."];
}
