namespace Vigil.ML.Trees;

/// <summary>Immutable options of a CART regression tree; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record DecisionTreeRegressorOptions
{
    /// <summary>The error to minimize; default <see cref="RegressionCriterion.SquaredError"/>.</summary>
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

    /// <summary>The deepest a leaf may be (root = depth 0); null (default) means unlimited.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The fewest rows a node needs to be split; default 2.</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>The fewest rows each child must keep; default 1.</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>A split is made only if (Wₜ/W)·(impurity decrease) reaches this; default 0.</summary>
    public double MinImpurityDecrease { get; init; }

    /// <summary>Features drawn at random per node; null (default) means all, in column order. Values above the feature count mean all.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>The seed of the feature sampling; default 0. Unused when <see cref="MaxFeatures"/> is null.</summary>
    public int Seed { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Criterion))
        {
            errors.Add($"Criterion {Criterion} is not defined.");
        }

        TreeOptionChecks.Growth(errors, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures);
        if (!double.IsFinite(MinImpurityDecrease) || MinImpurityDecrease < 0)
        {
            errors.Add($"MinImpurityDecrease must be finite and non-negative, not {MinImpurityDecrease}.");
        }

        return errors;
    }
}
