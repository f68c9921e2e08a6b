using Vigil.ML.Forests;
using Vigil.ML.Tests.Conformance;

namespace Vigil.ML.Tests.Forests;

public sealed class RandomForestClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) =>
        new RandomForestClassifierLearner(new RandomForestClassifierOptions { TreeCount = 20, Seed = seed });
}

public sealed class RandomForestRegressorConformanceTests : RegressorLearnerConformance
{
    protected override IRegressorLearner CreateLearner(int seed) =>
        new RandomForestRegressorLearner(new RandomForestRegressorOptions { TreeCount = 20, Seed = seed });
}
