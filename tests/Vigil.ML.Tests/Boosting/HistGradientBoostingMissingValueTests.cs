using Shouldly;
using Vigil.ML.Boosting;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

public sealed class HistGradientBoostingMissingValueTests
{
    // One exact tree: η = 1, λ = 0, depth 1, so each leaf predicts its rows' mean.
    private static HistGradientBoostingRegressorModel Stump(double[][] rows, double[] y) =>
        new HistGradientBoostingRegressorLearner(new() { Rounds = 1, MaxDepth = 1, LearningRate = 1, L2Regularization = 0, MinChildWeight = 0 })
            .Fit(new RegressionSet(FeatureMatrix.FromRows(rows), y));

    [Fact]
    public void Fit_MissingRowsLikeHighValues_LearnsNaNGoesRight()
    {
        var model = Stump([[1], [2], [3], [4], [double.NaN], [double.NaN]], [0, 0, 10, 10, 10, 10]);

        model.Predict([double.NaN]).ShouldBe(10, 1e-12);
        model.Predict([1]).ShouldBe(0, 1e-12);
        model.Ensemble.Nodes[0].Feature.ShouldBe(0);
    }

    [Fact]
    public void Fit_MissingRowsLikeLowValues_LearnsNaNGoesLeft()
    {
        var model = Stump([[1], [2], [3], [4], [double.NaN], [double.NaN]], [0, 0, 10, 10, 0, 0]);

        model.Predict([double.NaN]).ShouldBe(0, 1e-12);
        model.Predict([4]).ShouldBe(10, 1e-12);
        model.Ensemble.Nodes[0].DefaultLeft.ShouldBeTrue();
    }

    [Fact]
    public void Fit_OnlyMissingnessInforms_SplitsPresentAgainstMissing()
    {
        var model = Stump([[1], [2], [3], [double.NaN], [double.NaN], [double.NaN]], [0, 0, 0, 5, 5, 5]);

        model.Predict([double.NaN]).ShouldBe(5, 1e-12);
        model.Predict([1e300]).ShouldBe(0, 1e-12);
        model.Ensemble.Nodes[0].Value.ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Fit_NoMissingInTraining_NaNFollowsTheHeavierChild()
    {
        var model = Stump([[1], [2], [3], [4], [5], [6]], [0, 0, 10, 10, 10, 10]);

        model.Predict([double.NaN]).ShouldBe(10, 1e-12);
    }
}
