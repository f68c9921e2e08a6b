using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class AveragingRegressorLearnerTests
{
    [Fact]
    public void Predict_Weighted_IsTheWeightedMeanOfMembers()
    {
        var data = RegressorLearnerConformance.Data(100, 3);
        IRegressorLearner[] learners = [TestLearners.Linear(), TestLearners.Linear(l2: 30)];

        var model = new AveragingRegressorLearner(new AveragingRegressorOptions { Learners = learners, Weights = [3, 1] }).Fit(data);

        var row = data.Features.Row(0);
        model.Predict(row).ShouldBe((0.75 * learners[0].Fit(data).Predict(row)) + (0.25 * learners[1].Fit(data).Predict(row)), 1e-12);
    }

    [Fact]
    public void Constructor_NegativeWeight_Throws() =>
        Should.Throw<ArgumentException>(() => new AveragingRegressorLearner(new AveragingRegressorOptions { Learners = [TestLearners.Linear()], Weights = [-1] }))
            .Message.ShouldContain("non-negative");
}
