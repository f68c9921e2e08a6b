using Vigil.ML;
using Vigil.ML.Forests;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training.Families;

/// <summary>Catalog entries of random forests.</summary>
internal static class ForestFamilies
{
    public static IEnumerable<LearnerEntry> All =>
    [
        new("rf", "random forest of histogram CART trees (Breiman 2001)", Classifier, Regressor, Space),
    ];

    private static SearchSpace Space =>
    [
        new IntParameter("trees", 50, 400) { Log = true, GridPoints = 3 },
        new IntParameter("min_samples_leaf", 1, 20) { Log = true, GridPoints = 4 },
        new IntParameter("max_features", 1, 8) { GridPoints = 4 },
    ];

    private static IClassifierLearner Classifier(LearnerParameters p, int seed) => new RandomForestClassifierLearner(new RandomForestClassifierOptions
    {
        TreeCount = p.Int("trees", 100),
        Criterion = p.Choice("criterion", "gini", "gini", "entropy") == "gini" ? Vigil.ML.Trees.SplitCriterion.Gini : Vigil.ML.Trees.SplitCriterion.Entropy,
        Bootstrap = p.Bool("bootstrap", true),
        MaxFeatures = p.NullableInt("max_features", null),
        MaxDepth = p.NullableInt("max_depth", null),
        MinSamplesLeaf = p.Int("min_samples_leaf", 1),
        MinSamplesSplit = p.Int("min_samples_split", 2),
        ClassWeighting = p.Choice("class_weight", "none", "none", "balanced", "balanced_subsample") switch
        {
            "balanced" => ForestClassWeighting.Balanced,
            "balanced_subsample" => ForestClassWeighting.BalancedSubsample,
            _ => ForestClassWeighting.None,
        },
        Seed = seed,
    });

    private static IRegressorLearner Regressor(LearnerParameters p, int seed) => new RandomForestRegressorLearner(new RandomForestRegressorOptions
    {
        TreeCount = p.Int("trees", 100),
        Bootstrap = p.Bool("bootstrap", true),
        MaxFeatures = p.NullableInt("max_features", null),
        MaxDepth = p.NullableInt("max_depth", null),
        MinSamplesLeaf = p.Int("min_samples_leaf", 1),
        MinSamplesSplit = p.Int("min_samples_split", 2),
        Seed = seed,
    });
}
