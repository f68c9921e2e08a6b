using Vigil.ML;
using Vigil.ML.Boosting;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training.Families;

/// <summary>Catalog entries of histogram gradient boosting.</summary>
internal static class BoostingFamilies
{
    public static IEnumerable<LearnerEntry> All =>
    [
        new("gbdt", "histogram gradient boosting (Friedman 2001; Chen & Guestrin 2016; Ke et al. 2017)", Classifier, Regressor, Space),
    ];

    private static SearchSpace Space =>
    [
        new FloatParameter("learning_rate", 0.01, 0.3) { Log = true, GridPoints = 4 },
        new IntParameter("max_depth", 3, 10) { GridPoints = 4 },
        new IntParameter("rounds", 50, 600) { Log = true, GridPoints = 4 },
        new FloatParameter("l2", 0.1, 10) { Log = true, GridPoints = 3 },
        new FloatParameter("min_child_weight", 0.5, 10) { Log = true, GridPoints = 3 },
        new FloatParameter("subsample", 0.6, 1.0) { GridPoints = 3 },
    ];

    private static IClassifierLearner Classifier(LearnerParameters p, int seed) => new HistGradientBoostingClassifierLearner(
        Common(p, seed, new HistGradientBoostingClassifierOptions()) with
        {
            ClassImbalance = p.Choice("class_weight", "none", "none", "balanced") == "balanced" ? ClassImbalance.Balanced : ClassImbalance.None,
        });

    private static IRegressorLearner Regressor(LearnerParameters p, int seed) => new HistGradientBoostingRegressorLearner(
        Common(p, seed, new HistGradientBoostingRegressorOptions()) with
        {
            Loss = p.Choice("loss", "squared_error", "squared_error", "huber") == "huber" ? RegressionLoss.Huber : RegressionLoss.SquaredError,
            HuberDelta = p.Double("huber_delta", 1.0),
        });

    private static T Common<T>(LearnerParameters p, int seed, T defaults)
        where T : HistGradientBoostingOptions => defaults with
    {
        Rounds = p.Int("rounds", 300),
        LearningRate = p.Double("learning_rate", 0.1),
        Growth = p.Choice("growth", "depth", "depth", "leaf") == "leaf" ? TreeGrowth.LeafWise : TreeGrowth.DepthWise,
        MaxDepth = p.Int("max_depth", 6),
        MaxLeaves = p.Int("max_leaves", 31),
        L2Regularization = p.Double("l2", 1.0),
        MinChildWeight = p.Double("min_child_weight", 1.0),
        MinSamplesLeaf = p.Int("min_samples_leaf", 1),
        Subsample = p.Double("subsample", 1.0),
        ColumnSampleByTree = p.Double("colsample", 1.0),
        EarlyStoppingRounds = p.NullableInt("early_stopping_rounds", null),
        Seed = seed,
    };
}
