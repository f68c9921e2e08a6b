using Vigil.ML;
using Vigil.ML.Trees;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training.Families;

/// <summary>Catalog entries of single decision trees.</summary>
internal static class TreeFamilies
{
    public static IEnumerable<LearnerEntry> All =>
    [
        new("tree", "CART decision tree (Breiman et al. 1984)", TreeClassifier, TreeRegressor, TreeSpace),
    ];

    private static SearchSpace TreeSpace =>
    [
        new IntParameter("max_depth", 2, 16) { GridPoints = 8 },
        new IntParameter("min_samples_leaf", 1, 64) { Log = true, GridPoints = 5 },
    ];

    public static DecisionTreeOptions TreeOptions(LearnerParameters p, int seed) => new()
    {
        Criterion = p.Choice("criterion", "gini", "gini", "entropy") == "gini" ? SplitCriterion.Gini : SplitCriterion.Entropy,
        MaxDepth = p.NullableInt("max_depth", 8),
        MinSamplesSplit = p.Int("min_samples_split", 2),
        MinSamplesLeaf = p.Int("min_samples_leaf", 10),
        MinImpurityDecrease = p.Double("min_impurity_decrease", 0),
        ClassWeighting = ClassWeight(p),
        MaxFeatures = p.NullableInt("max_features", null),
        Seed = seed,
    };

    public static ClassWeighting ClassWeight(LearnerParameters p) =>
        p.Choice("class_weight", "none", "none", "balanced") == "balanced" ? ClassWeighting.Balanced : ClassWeighting.None;

    private static IClassifierLearner TreeClassifier(LearnerParameters p, int seed) => new DecisionTreeLearner(TreeOptions(p, seed));

    private static IRegressorLearner TreeRegressor(LearnerParameters p, int seed) => new DecisionTreeRegressorLearner(new DecisionTreeRegressorOptions
    {
        Criterion = p.Choice("criterion", "squared_error", "squared_error", "absolute_error") == "absolute_error"
            ? RegressionCriterion.AbsoluteError
            : RegressionCriterion.SquaredError,
        MaxDepth = p.NullableInt("max_depth", 8),
        MinSamplesSplit = p.Int("min_samples_split", 2),
        MinSamplesLeaf = p.Int("min_samples_leaf", 10),
        MinImpurityDecrease = p.Double("min_impurity_decrease", 0),
        MaxFeatures = p.NullableInt("max_features", null),
        Seed = seed,
    });
}
