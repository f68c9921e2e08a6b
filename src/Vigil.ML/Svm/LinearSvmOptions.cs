using Vigil.ML.Trees;

namespace Vigil.ML.Svm;

/// <summary>Immutable options of a linear SVM trained by dual coordinate descent; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record LinearSvmOptions
{
    /// <summary>The penalty on margin violations: the objective is ½‖w‖² + C·Σ loss; default 1.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>The margin loss; default <see cref="SvmLoss.Hinge"/>.</summary>
    public SvmLoss Loss { get; init; } = SvmLoss.Hinge;

    /// <summary>Stop when the projected-gradient spread of one epoch is at most this; default 1e-4 (as scikit-learn's LinearSVC).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>The most epochs (passes over the data); default 1000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Whether to fit a bias through a constant feature 1 (penalized, as LIBLINEAR); default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Whether to standardize features inside the model; default true. The model still takes raw features.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Class re-weighting (multiplies C per row); default <see cref="ClassWeighting.None"/>.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>The folds of the cross-validation whose decision values fit the Platt sigmoids; default 5.</summary>
    public int ProbabilityFolds { get; init; } = 5;

    /// <summary>The seed of the coordinate order and the folds; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most problems solved at once; null (default) means the processor count. The model does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(C > 0) || !double.IsFinite(C))
        {
            errors.Add($"C must be positive and finite, not {C}.");
        }

        if (!Enum.IsDefined(Loss))
        {
            errors.Add($"Loss {Loss} is not defined.");
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

        if (ProbabilityFolds < 2)
        {
            errors.Add($"ProbabilityFolds must be at least 2, not {ProbabilityFolds}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be null or at least 1, not {MaxDegreeOfParallelism}.");
        }

        return errors;
    }
}
