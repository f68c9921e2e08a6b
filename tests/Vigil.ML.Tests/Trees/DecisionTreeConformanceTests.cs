using Vigil.ML.Tests.Conformance;
using Vigil.ML.Trees;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) =>
        new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 8, MaxFeatures = 3, Seed = seed });
}
