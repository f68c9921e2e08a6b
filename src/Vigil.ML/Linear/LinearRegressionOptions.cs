namespace Vigil.ML.Linear;

/// <summary>Immutable options of ordinary least squares; every combination is valid.</summary>
public sealed record LinearRegressionOptions
{
    /// <summary>Whether to fit an intercept; default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Whether to solve on standardized features (better conditioning; predictions are unchanged); default true.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Every problem with these options (always empty; kept for a uniform learner contract).</summary>
    public IReadOnlyList<string> Validate() => [];
}
