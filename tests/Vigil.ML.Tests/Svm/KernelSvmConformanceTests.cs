using Vigil.ML.Svm;
using Vigil.ML.Tests.Conformance;

namespace Vigil.ML.Tests.Svm;

public sealed class KernelSvmConformanceTests : ClassifierLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IClassifierLearner CreateLearner(int seed) => new KernelSvmLearner(new KernelSvmOptions { Seed = seed });
}
