using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Compute_ThreeRows_MatchesHandComputedValues()
    {
        var m = RegressionMetrics.Compute([1, 2, 3], [2, 2, 2]);

        m.Mae.ShouldBe(2.0 / 3, 1e-12);
        m.Mse.ShouldBe(2.0 / 3, 1e-12);
        m.Rmse.ShouldBe(Math.Sqrt(2.0 / 3), 1e-12);
        m.R2.ShouldBe(0, 1e-12); // SS_res = 2, SS_tot = 2
        m.Mape.ShouldBe((1 + 0 + (1.0 / 3)) / 3, 1e-12);
        m.Phm08.ShouldBe(Math.Exp(0.1) - 1 + Math.Exp(1.0 / 13) - 1, 1e-12); // d = +1, 0, -1
        m.Count.ShouldBe(3);
    }

    [Fact]
    public void Compute_LatePredictionsCostMoreThanEarly_Phm08Asymmetric()
    {
        var late = RegressionMetrics.Compute([50], [60]).Phm08;
        var early = RegressionMetrics.Compute([50], [40]).Phm08;

        late.ShouldBe(Math.E - 1, 1e-12);
        early.ShouldBe(Math.Exp(10.0 / 13) - 1, 1e-12);
        late.ShouldBeGreaterThan(early);
    }

    [Fact]
    public void Compute_ConstantTruthAndZeros_R2AndMapeAreNaN()
    {
        var m = RegressionMetrics.Compute([0, 0], [1, -1]);

        double.IsNaN(m.R2).ShouldBeTrue();
        double.IsNaN(m.Mape).ShouldBeTrue();
        m.Rmse.ShouldBe(1);
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Should.Throw<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1]));
    }
}
