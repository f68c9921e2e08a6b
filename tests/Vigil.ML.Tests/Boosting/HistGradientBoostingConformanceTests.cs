using Vigil.ML.Boosting;
using Vigil.ML.Tests.Conformance;

namespace Vigil.ML.Tests.Boosting;

public sealed class HistGradientBoostingClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) =>
        new HistGradientBoostingClassifierLearner(new HistGradientBoostingClassifierOptions { Rounds = 30, Subsample = 0.8, ColumnSampleByTree = 0.8, Seed = seed });
}

public sealed class HistGradientBoostingLeafWiseClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) => new HistGradientBoostingClassifierLearner(
        new HistGradientBoostingClassifierOptions { Rounds = 30, Growth = TreeGrowth.LeafWise, MaxDepth = null, MaxLeaves = 8, MinSamplesLeaf = 3, Seed = seed });
}

public sealed class HistGradientBoostingRegressorConformanceTests : RegressorLearnerConformance
{
    protected override IRegressorLearner CreateLearner(int seed) =>
        new HistGradientBoostingRegressorLearner(new HistGradientBoostingRegressorOptions { Rounds = 50, Subsample = 0.8, Seed = seed });
}

public sealed class HistGradientBoostingHuberRegressorConformanceTests : RegressorLearnerConformance
{
    protected override IRegressorLearner CreateLearner(int seed) => new HistGradientBoostingRegressorLearner(
        new HistGradientBoostingRegressorOptions { Rounds = 50, Loss = RegressionLoss.Huber, HuberDelta = 0.5, Growth = TreeGrowth.LeafWise, MaxLeaves = 15, Seed = seed });
}
