using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class BaggingRegressorLearnerTests
{
    [Fact]
    public void Fit_Parallel_EqualsSequentialBitForBit()
    {
        var data = RegressorLearnerConformance.Data(200, 1);
        var options = new BaggingRegressorOptions { BaseLearner = TestLearners.Linear(), MemberCount = 8, FeatureFraction = 0.75, Bootstrap = false, SampleFraction = 0.6, Seed = 4 };
        var probe = RegressorLearnerConformance.Data(50, 2).Features;
        var a = new double[50];
        var b = new double[50];

        new BaggingRegressorLearner(options).Fit(data).Predict(probe, a);
        new BaggingRegressorLearner(options with { MaxDegreeOfParallelism = 2 }).Fit(data).Predict(probe, b);

        b.ShouldBe(a);
    }

    [Fact]
    public void Fit_Pasting_MembersSeeDistinctRows()
    {
        var data = RegressorLearnerConformance.Data(100, 1);
        var model = new BaggingRegressorLearner(new BaggingRegressorOptions { BaseLearner = TestLearners.Linear(), MemberCount = 2, Bootstrap = false, SampleFraction = 0.5 }).Fit(data);

        model.MemberCount.ShouldBe(2);
        ((LinearCombinerModel)model.Member(0)).Coefficients.ToArray().ShouldNotBe(((LinearCombinerModel)model.Member(1)).Coefficients.ToArray());
    }

    [Fact]
    public void Constructor_NoBaseLearner_Throws() =>
        Should.Throw<ArgumentException>(() => new BaggingRegressorLearner(new BaggingRegressorOptions { BaseLearner = null! })).Message.ShouldContain("BaseLearner");
}
