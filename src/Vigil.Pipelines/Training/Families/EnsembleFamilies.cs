using Vigil.ML;
using Vigil.ML.Ensembles;
using Vigil.ML.Trees;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training.Families;

/// <summary>Catalog entries of meta-ensembles over other families.</summary>
internal static class EnsembleFamilies
{
    public static IEnumerable<LearnerEntry> All =>
    [
        new("bagging", "bagged CART trees (Breiman 1996)", Bagging, null,
            [new IntParameter("members", 10, 200) { Log = true, GridPoints = 4 }, new FloatParameter("feature_fraction", 0.3, 1.0) { GridPoints = 4 }]),
        new("adaboost", "AdaBoost SAMME over shallow trees (Zhu et al. 2009)", AdaBoost, null,
            [new IntParameter("rounds", 20, 400) { Log = true, GridPoints = 4 }, new FloatParameter("learning_rate", 0.05, 1.0) { Log = true, GridPoints = 4 }, new IntParameter("max_depth", 1, 4)]),
    ];

    private static IClassifierLearner Bagging(LearnerParameters p, int seed) => new BaggingClassifierLearner(new BaggingClassifierOptions
    {
        BaseLearner = new DecisionTreeLearner(TreeFamilies.TreeOptions(p, seed) with { MaxDepth = p.NullableInt("max_depth", null), MinSamplesLeaf = p.Int("min_samples_leaf", 1) }),
        MemberCount = p.Int("members", 50),
        FeatureFraction = p.Double("feature_fraction", 1.0),
        Seed = seed,
        MaxDegreeOfParallelism = Environment.ProcessorCount,
    });

    private static IClassifierLearner AdaBoost(LearnerParameters p, int seed) => new AdaBoostClassifierLearner(new AdaBoostOptions
    {
        BaseLearner = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = p.Int("max_depth", 1), Seed = seed }),
        Rounds = p.Int("rounds", 50),
        LearningRate = p.Double("learning_rate", 1.0),
    });
}
