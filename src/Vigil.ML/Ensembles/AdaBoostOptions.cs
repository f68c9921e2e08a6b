using Vigil.ML.Trees;

namespace Vigil.ML.Ensembles;

/// <summary>Immutable options of <see cref="AdaBoostClassifierLearner"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record AdaBoostOptions
{
    /// <summary>The weak learner fitted on every round's weights; it must honour sample weights. Default: a depth-1 CART tree (stump).</summary>
    public IClassifierLearner BaseLearner { get; init; } = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 1 });

    /// <summary>The most boosting rounds; default 50 (fewer when a member is perfect or no better than chance).</summary>
    public int Rounds { get; init; } = 50;

    /// <summary>The shrinkage ν multiplying every member's weight, in (0, ∞); default 1.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseLearner is null)
        {
            errors.Add("BaseLearner is required.");
        }

        if (Rounds < 1)
        {
            errors.Add($"Rounds must be at least 1, not {Rounds}.");
        }

        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
        {
            errors.Add($"LearningRate must be positive and finite, not {LearningRate}.");
        }

        return errors;
    }
}
