using Shouldly;
using Vigil.ML.Linear;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Linear;

public sealed class LinearRegressionLearnerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_ThreePoints_GivesHandSolvedLine(bool standardize)
    {
        // x = 0, 1, 2; y = 1, 2, 2: x̄ = 1, ȳ = 5/3, Sxy = 1, Sxx = 2 → slope 1/2, intercept 5/3 − 1/2 = 7/6.
        var model = new LinearRegressionLearner(new LinearRegressionOptions { Standardize = standardize })
            .Fit(new RegressionSet(FeatureMatrix.FromRows([[0], [1], [2]]), [1, 2, 2]));

        model.Coefficients[0].ShouldBe(0.5, 1e-12);
        model.Intercept.ShouldBe(7.0 / 6, 1e-12);
        model.Predict([4]).ShouldBe(3 + (1.0 / 6), 1e-12);
    }

    [Fact]
    public void Fit_CollinearFeatures_StillPredictsTheLine()
    {
        // Column 1 = 2 × column 0: XᵀX is singular, the jitter fallback still fits y = 2·x0 + 1.
        var model = new LinearRegressionLearner().Fit(new RegressionSet(FeatureMatrix.FromRows([[1, 2], [2, 4], [3, 6], [4, 8]]), [3, 5, 7, 9]));

        model.Predict([5, 10]).ShouldBe(11, 1e-6);
    }

    [Fact]
    public void Fit_Ridge_MatchesClosedForm()
    {
        // Centered X = [[-2,-1],[-1,-2],[0,1],[1,0],[2,2]], centered y = [-2.8,-3.8,1.2,0.2,5.2]:
        // XᵀX + 2I = [[12,9],[9,12]], Xᵀy = [20.4,21.6] → w = [0.8, 1.3], b = 5.8 − 0.8·3 − 1.3·3 = −0.5
        // (scikit-learn 1.2.1 Ridge(alpha=2) prints coef_ [0.8, 1.3], intercept_ -0.5).
        var data = new RegressionSet(FeatureMatrix.FromRows([[1, 2], [2, 1], [3, 4], [4, 3], [5, 5]]), [3, 2, 7, 6, 11]);

        var model = new RidgeRegressionLearner(new RidgeRegressionOptions { Alpha = 2, Standardize = false }).Fit(data);

        model.Coefficients.ToArray().ShouldBe([0.8, 1.3], 1e-12);
        model.Intercept.ShouldBe(-0.5, 1e-12);
    }

    [Fact]
    public void Fit_RidgeStandardized_ReportsRawAndStandardizedCoefficients()
    {
        var data = new RegressionSet(FeatureMatrix.FromRows([[1, 200], [2, 100], [3, 400], [4, 300], [5, 500]]), [3, 2, 7, 6, 11]);

        var model = new RidgeRegressionLearner(new RidgeRegressionOptions { Alpha = 0.5 }).Fit(data);

        var scale1 = Math.Sqrt(20000.0); // population std of column 1
        model.StandardizedCoefficients[1].ShouldBe(model.Coefficients[1] * scale1, 1e-9);
    }

    [Fact]
    public void Constructor_NegativeAlpha_Throws()
    {
        Should.Throw<ArgumentException>(() => new RidgeRegressionLearner(new RidgeRegressionOptions { Alpha = -1 })).Message.ShouldContain("Alpha");
    }
}

public sealed class LinearRegressionConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IRegressorLearner CreateLearner(int seed) => new LinearRegressionLearner();
}

public sealed class RidgeRegressionConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IRegressorLearner CreateLearner(int seed) => new RidgeRegressionLearner(new RidgeRegressionOptions { Alpha = 0.1 });
}
