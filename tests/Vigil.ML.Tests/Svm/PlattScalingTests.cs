using Shouldly;
using Vigil.ML.Svm;
using Xunit;

namespace Vigil.ML.Tests.Svm;

public sealed class PlattScalingTests
{
    [Fact]
    public void Fit_PositivesAboveZero_GivesIncreasingSigmoid()
    {
        double[] f = [-3, -2, -1.5, -1, -0.5, 0.2, 0.5, 1, 2, 3];
        bool[] positive = [false, false, false, false, true, false, true, true, true, true];

        var (a, b) = PlattScaling.Fit(f, positive);

        a.ShouldBeLessThan(0); // P = 1 / (1 + e^{A·f + B}) rises with f
        var probabilities = Enumerable.Range(-40, 81).Select(i => PlattScaling.Probability(i / 10.0, a, b)).ToArray();
        probabilities.ShouldBe(probabilities.Order().ToArray());
        PlattScaling.Probability(-3, a, b).ShouldBeLessThan(0.2);
        PlattScaling.Probability(3, a, b).ShouldBeGreaterThan(0.8);
    }

    [Fact]
    public void Probability_ExtremeArguments_StayFinite()
    {
        PlattScaling.Probability(1e6, -1, 0).ShouldBe(1, 1e-12);
        PlattScaling.Probability(-1e6, -1, 0).ShouldBe(0, 1e-12);
    }
}
