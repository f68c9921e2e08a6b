using Shouldly;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeRegressorLearnerTests
{
    // x = 1..6, y = 1 2 3 4 100 5. Weighted costs of the depth-1 candidates (left = x ≤ t):
    //   squared error Σy² − (Σy)²/n per side: 1.5 → 7454.8; 2.5 → 6914.5; 3.5 → 6082.67; 4.5 → 5 + 4512.5 = 4517.5 (best); 5.5 → 7610
    //   absolute error Σ|y − median| per side: 1.5 → 100; 2.5 → 99; 3.5 → 2 + 96 = 98 (best); 4.5 → 99; 5.5 → 101
    // Root costs: squared 10055 − 115²/6 = 7850.83; absolute (median 3) 103.
    private static RegressionSet Outlier() =>
        new(FeatureMatrix.FromRows([[1], [2], [3], [4], [5], [6]]), [1, 2, 3, 4, 100, 5]);

    private static DecisionTreeRegressorModel Fit(RegressionSet data, DecisionTreeRegressorOptions options) =>
        new DecisionTreeRegressorLearner(options).Fit(data);

    [Fact]
    public void Fit_SquaredError_SplitsWhereHandComputedCostIsLowest()
    {
        var model = Fit(Outlier(), new DecisionTreeRegressorOptions { MaxDepth = 1 });

        model.Tree.Nodes[0].Threshold.ShouldBe(4.5);
        model.Predict([2]).ShouldBe(2.5);
        model.Predict([6]).ShouldBe(52.5);
    }

    [Fact]
    public void Fit_AbsoluteError_SplitsWhereHandComputedCostIsLowestWithMedianLeaves()
    {
        var model = Fit(Outlier(), new DecisionTreeRegressorOptions { MaxDepth = 1, Criterion = RegressionCriterion.AbsoluteError });

        model.Tree.Nodes[0].Threshold.ShouldBe(3.5);
        model.Predict([1]).ShouldBe(2);
        model.Predict([5]).ShouldBe(5);
    }

    [Fact]
    public void Fit_AbsoluteErrorEvenRows_LeafIsMidpointOfTheMiddleValues()
    {
        var model = Fit(Outlier(), new DecisionTreeRegressorOptions { MaxDepth = 0, Criterion = RegressionCriterion.AbsoluteError });

        model.Predict([1]).ShouldBe(3.5);
    }

    [Fact]
    public void Fit_AbsoluteErrorWeighted_UsesTheWeightedMedian()
    {
        var data = new RegressionSet(FeatureMatrix.FromRows([[1], [2], [3]]), [1, 2, 10], [1, 1, 5]);

        Fit(data, new DecisionTreeRegressorOptions { MaxDepth = 0, Criterion = RegressionCriterion.AbsoluteError }).Predict([1]).ShouldBe(10);
        Fit(data, new DecisionTreeRegressorOptions { MaxDepth = 0 }).Predict([1]).ShouldBe(53.0 / 7, 1e-12);
    }

    [Fact]
    public void Fit_Unlimited_ReproducesEveryTrainingTarget()
    {
        var model = Fit(Outlier(), new DecisionTreeRegressorOptions());

        for (var x = 1; x <= 6; x++)
        {
            model.Predict([x]).ShouldBe(Outlier().Targets[x - 1]);
        }

        model.LeafCount.ShouldBe(6);
    }

    [Fact]
    public void FeatureImportances_NoiseColumn_GetsNothing()
    {
        // Column 1 is constant, so every decrease belongs to column 0.
        var data = new RegressionSet(FeatureMatrix.FromRows([[1, 7], [2, 7], [3, 7], [4, 7]]), [0, 0, 1, 1]);

        var model = Fit(data, new DecisionTreeRegressorOptions());

        model.FeatureImportances.ToArray().ShouldBe([1.0, 0.0]);
    }

    [Theory]
    [InlineData(5.0, false)]
    [InlineData(0.0, true)]
    public void Fit_MissingValues_LearnTheirDirection(double missingTarget, bool expectedMissingLeft)
    {
        var data = new RegressionSet(
            FeatureMatrix.FromRows([[1], [2], [double.NaN], [10], [11], [double.NaN]]), [0, 0, missingTarget, 5, 5, missingTarget]);

        var model = Fit(data, new DecisionTreeRegressorOptions { MaxDepth = 1 });

        model.Tree.Nodes[0].Threshold.ShouldBe(6);
        model.Tree.Nodes[0].MissingLeft.ShouldBe(expectedMissingLeft);
        model.Predict([double.NaN]).ShouldBe(missingTarget);
    }

    [Fact]
    public void Ctor_InvalidOptions_ListsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new DecisionTreeRegressorLearner(
            new DecisionTreeRegressorOptions { MaxDepth = -1, MinSamplesLeaf = 0, MinImpurityDecrease = double.NaN, Criterion = (RegressionCriterion)9 }));

        error.Message.ShouldContain("MaxDepth");
        error.Message.ShouldContain("MinSamplesLeaf");
        error.Message.ShouldContain("MinImpurityDecrease");
        error.Message.ShouldContain("Criterion");
    }

    [Fact]
    public void Fit_MinImpurityDecrease_StopsWeakSplits()
    {
        // The best root split lowers the squared error by 3333.33 of 6 rows: 555.6 per row.
        Fit(Outlier(), new DecisionTreeRegressorOptions { MinImpurityDecrease = 556 }).LeafCount.ShouldBe(1);
        Fit(Outlier(), new DecisionTreeRegressorOptions { MinImpurityDecrease = 555 }).LeafCount.ShouldBeGreaterThan(1);
    }
}
