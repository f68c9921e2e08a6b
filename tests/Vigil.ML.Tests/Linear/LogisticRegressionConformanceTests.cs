using Vigil.ML.Linear;
using Vigil.ML.Tests.Conformance;

namespace Vigil.ML.Tests.Linear;

public sealed class LogisticRegressionConformanceTests : ClassifierLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IClassifierLearner CreateLearner(int seed) => new LogisticRegressionLearner();
}

public sealed class LogisticRegressionNewtonConformanceTests : ClassifierLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IClassifierLearner CreateLearner(int seed) => new LogisticRegressionLearner(new LogisticRegressionOptions { Solver = LogisticSolver.Newton });
}
