namespace Vigil.ML.Tuning;

/// <summary>How many of the n completed trials TPE counts as "good" (the set that forms l(x)).</summary>
public enum TpeSplitRule
{
    /// <summary>⌈γ·n⌉, the quantile split of Bergstra et al. (2011) with γ = 0.25.</summary>
    Quantile,

    /// <summary>⌈γ·√n⌉, the rule of hyperopt and Optuna's <c>hyperopt_default_gamma</c>: the good set grows slowly and stays elite.</summary>
    SquareRoot,
}
