using Vigil.ML.Trees;

namespace Vigil.ML.Svm;

/// <summary>Immutable options of a C-SVC with a kernel, defaults as scikit-learn's SVC(probability=True); <see cref="Validate"/> reports every problem at once.</summary>
public sealed record KernelSvmOptions
{
    /// <summary>The box constraint C (penalty on margin violations); default 1.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>The kernel; default <see cref="KernelType.Rbf"/>.</summary>
    public KernelType Kernel { get; init; } = KernelType.Rbf;

    /// <summary>The kernel coefficient γ; null (default) means "scale": 1 / (features × variance of all standardized training values).</summary>
    public double? Gamma { get; init; }

    /// <summary>The polynomial degree; default 3.</summary>
    public int Degree { get; init; } = 3;

    /// <summary>The polynomial kernel's constant term; default 0.</summary>
    public double Coef0 { get; init; }

    /// <summary>The stopping tolerance ε on the maximal KKT violation m(α) − M(α); default 1e-3.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>The most SMO iterations per binary problem; null (default) means max(10⁷, 100·rows).</summary>
    public long? MaxIterations { get; init; }

    /// <summary>Whether SMO temporarily drops variables that are likely to stay at a bound; default true.</summary>
    public bool Shrinking { get; init; } = true;

    /// <summary>The kernel-row cache budget in MiB, shared by the problems solved in parallel; default 200.</summary>
    public int CacheSizeMb { get; init; } = 200;

    /// <summary>The folds of the internal cross-validation whose decision values fit the Platt sigmoids; default 5 (as libsvm).</summary>
    public int ProbabilityFolds { get; init; } = 5;

    /// <summary>Whether to standardize features inside the model; default true. The model still takes raw features.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Class re-weighting (multiplies C per row); default <see cref="ClassWeighting.None"/>.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>The seed of the cross-validation folds; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most binary problems solved at once; null (default) means the processor count. The model does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(C > 0) || !double.IsFinite(C))
        {
            errors.Add($"C must be positive and finite, not {C}.");
        }

        if (!Enum.IsDefined(Kernel))
        {
            errors.Add($"Kernel {Kernel} is not defined.");
        }

        if (Gamma is { } g && (!(g > 0) || !double.IsFinite(g)))
        {
            errors.Add($"Gamma must be null (scale) or positive and finite, not {g}.");
        }

        if (Degree < 1)
        {
            errors.Add($"Degree must be at least 1, not {Degree}.");
        }

        if (!double.IsFinite(Coef0))
        {
            errors.Add($"Coef0 must be finite, not {Coef0}.");
        }

        if (!(Tolerance > 0) || !double.IsFinite(Tolerance))
        {
            errors.Add($"Tolerance must be positive and finite, not {Tolerance}.");
        }

        if (MaxIterations is < 1)
        {
            errors.Add($"MaxIterations must be null or at least 1, not {MaxIterations}.");
        }

        if (CacheSizeMb < 1)
        {
            errors.Add($"CacheSizeMb must be at least 1, not {CacheSizeMb}.");
        }

        if (ProbabilityFolds < 2)
        {
            errors.Add($"ProbabilityFolds must be at least 2, not {ProbabilityFolds}.");
        }

        if (!Enum.IsDefined(ClassWeighting))
        {
            errors.Add($"ClassWeighting {ClassWeighting} is not defined.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be null or at least 1, not {MaxDegreeOfParallelism}.");
        }

        return errors;
    }
}
