using Vigil.ML.Trees;

namespace Vigil.ML.Linear;

/// <summary>Immutable options of an L2-penalized logistic regression (scikit-learn's C convention); <see cref="Validate"/> reports every problem at once.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Inverse penalty strength: the objective is C·Σ loss + ½‖w‖² (intercept unpenalized); default 1.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>The optimizer; default <see cref="LogisticSolver.Lbfgs"/>.</summary>
    public LogisticSolver Solver { get; init; } = LogisticSolver.Lbfgs;

    /// <summary>Stop when the largest gradient entry of the objective divided by C·Σ weights is at most this; default 1e-6 (the per-row scaling makes it independent of the data size).</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>The most optimizer iterations; default 1000 (as the AI4I anchor's max_iter).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Whether to fit an (unpenalized) intercept; default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Whether to standardize features inside the model (mean 0, population std 1); default true. The model still takes raw features.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Class re-weighting; default <see cref="ClassWeighting.None"/>; balanced gives class k the weight W / (K·Wₖ).</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(C > 0) || !double.IsFinite(C))
        {
            errors.Add($"C must be positive and finite, not {C}.");
        }

        if (!Enum.IsDefined(Solver))
        {
            errors.Add($"Solver {Solver} is not defined.");
        }

        if (!(Tolerance > 0) || !double.IsFinite(Tolerance))
        {
            errors.Add($"Tolerance must be positive and finite, not {Tolerance}.");
        }

        if (MaxIterations < 1)
        {
            errors.Add($"MaxIterations must be at least 1, not {MaxIterations}.");
        }

        if (!Enum.IsDefined(ClassWeighting))
        {
            errors.Add($"ClassWeighting {ClassWeighting} is not defined.");
        }

        return errors;
    }
}
