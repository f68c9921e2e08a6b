using Shouldly;
using Vigil.ML.Ensembles;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class LinearCombinerLearnerTests
{
    private static readonly FeatureMatrix X = FeatureMatrix.FromRows([[0, 1], [1, 0], [2, 1], [3, 5], [4, 2]]);

    [Fact]
    public void Fit_NoiseFreeLinearData_RecoversTheCoefficients()
    {
        double[] y = [.. Enumerable.Range(0, 5).Select(r => 1 + (2 * X[r, 0]) - (3 * X[r, 1]))];

        var model = new LinearCombinerLearner(new LinearCombinerOptions { NonNegative = false }).Fit(new RegressionSet(X, y));

        model.Coefficients.ToArray().ShouldBe([2.0, -3.0], 1e-9);
        model.Intercept.ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Fit_NonNegative_ClampsANegativeEffectToZero()
    {
        double[] y = [.. Enumerable.Range(0, 5).Select(r => 1 + (5 * X[r, 0]) - X[r, 1])];

        var model = new LinearCombinerLearner().Fit(new RegressionSet(X, y));

        model.Coefficients[1].ShouldBe(0);
        model.Coefficients[0].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Fit_SampleWeights_ZeroWeightRowsAreIgnored()
    {
        double[] y = [1, 3, 5, 100, 9];  // y = 1 + 2x₀ except the zero-weight row 3
        var set = new RegressionSet(FeatureMatrix.FromRows([[0], [1], [2], [3], [4]]), y, [1, 1, 1, 0, 1]);

        var model = new LinearCombinerLearner().Fit(set);

        model.Coefficients[0].ShouldBe(2, 1e-9);
        model.Intercept.ShouldBe(1, 1e-9);
    }
}
