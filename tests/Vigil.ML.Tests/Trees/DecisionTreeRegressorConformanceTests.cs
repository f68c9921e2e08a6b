using Vigil.ML.Tests.Conformance;
using Vigil.ML.Trees;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeRegressorConformanceTests : RegressorLearnerConformance
{
    protected override IRegressorLearner CreateLearner(int seed) =>
        new DecisionTreeRegressorLearner(new DecisionTreeRegressorOptions { MaxDepth = 8, MaxFeatures = 3, Seed = seed });
}

public sealed class DecisionTreeRegressorAbsoluteErrorConformanceTests : RegressorLearnerConformance
{
    protected override IRegressorLearner CreateLearner(int seed) =>
        new DecisionTreeRegressorLearner(new DecisionTreeRegressorOptions { Criterion = RegressionCriterion.AbsoluteError, MaxDepth = 8, Seed = seed });
}
