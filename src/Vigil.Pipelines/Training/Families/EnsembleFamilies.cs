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
        new("stack", "stacking of rf, gbdt and a linear model on out-of-fold predictions (Wolpert 1992)", StackClassifier, StackRegressor),
        new("vote", "soft voting of rf, gbdt and logistic regression (averaging for regression)", Vote, Average),
    ];

    private static IReadOnlyList<IClassifierLearner> Members(int seed) =>
    [
        LearnerCatalog.Default.Classifier("rf", new LearnerParameters(), seed),
        LearnerCatalog.Default.Classifier("gbdt", new LearnerParameters(), seed),
        LearnerCatalog.Default.Classifier("logreg", new LearnerParameters(), seed),
    ];

    private static IReadOnlyList<IRegressorLearner> RegressionMembers(int seed) =>
    [
        LearnerCatalog.Default.Regressor("rf", new LearnerParameters(), seed),
        LearnerCatalog.Default.Regressor("gbdt", new LearnerParameters(), seed),
        LearnerCatalog.Default.Regressor("ridge", new LearnerParameters(), seed),
    ];

    private static IClassifierLearner StackClassifier(LearnerParameters p, int seed) => new StackingClassifierLearner(new StackingClassifierOptions
    {
        BaseLearners = Members(seed),
        MetaLearner = LearnerCatalog.Default.Classifier("logreg", new LearnerParameters(), seed),
        FoldCount = p.Int("folds", 5),
        PassThrough = p.Bool("passthrough", false),
        Seed = seed,
    });

    private static IRegressorLearner StackRegressor(LearnerParameters p, int seed) => new StackingRegressorLearner(new StackingRegressorOptions
    {
        BaseLearners = RegressionMembers(seed),
        FoldCount = p.Int("folds", 5),
        PassThrough = p.Bool("passthrough", false),
        Seed = seed,
    });

    private static IClassifierLearner Vote(LearnerParameters p, int seed) => new VotingClassifierLearner(new VotingClassifierOptions
    {
        Learners = Members(seed),
        Voting = p.Choice("voting", "soft", "soft", "hard") == "hard" ? VotingKind.Hard : VotingKind.Soft,
    });

    private static IRegressorLearner Average(LearnerParameters p, int seed) => new AveragingRegressorLearner(new AveragingRegressorOptions
    {
        Learners = RegressionMembers(seed),
    });

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
