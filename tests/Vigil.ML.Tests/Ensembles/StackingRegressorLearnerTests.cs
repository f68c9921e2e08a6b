using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class StackingRegressorLearnerTests
{
    [Fact]
    public void Fit_DefaultMeta_CombinesBasesWithNonNegativeWeights()
    {
        var data = RegressorLearnerConformance.Data(300, 1);

        var model = new StackingRegressorLearner(new StackingRegressorOptions { BaseLearners = [TestLearners.Linear(), TestLearners.Linear(l2: 50)] }).Fit(data);

        var meta = (LinearCombinerModel)model.Meta;
        meta.Coefficients.ToArray().ShouldAllBe(c => c >= 0);
        meta.Coefficients[0].ShouldBeGreaterThan(meta.Coefficients[1]);  // the unpenalized base predicts better out of fold
    }

    [Fact]
    public void Fit_OneRow_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => new StackingRegressorLearner(new StackingRegressorOptions { BaseLearners = [TestLearners.Linear()] })
            .Fit(new RegressionSet(FeatureMatrix.FromRows([[1.0]]), [2.0]))).Message.ShouldContain("at least 2 rows");
}
