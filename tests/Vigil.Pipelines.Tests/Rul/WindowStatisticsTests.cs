using Shouldly;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.ML.Rul;
using Xunit;

namespace Vigil.Pipelines.Tests.Rul;

public sealed class WindowStatisticsTests
{
    [Fact]
    public void Compute_TwoSensorsThreeSteps_MeanLastAndSlopeByHand()
    {
        // One window of 3 steps × 2 features: a = 1, 2, 4 ; b = 5, 5, 5.
        var windows = new RulWindowSet([1, 5, 2, 5, 4, 5], length: 3, features: 2, targets: [7], unitIds: [1], endCycles: [3]);

        var stats = WindowStatistics.Compute(windows, ["a", "b"]);

        stats.ColumnNames.ShouldBe(["a_mean", "a_last", "a_slope", "b_mean", "b_last", "b_slope"]);
        stats.Get<Float64Column>("a_mean")[0].ShouldBe(7.0 / 3, 1e-12);
        stats.Get<Float64Column>("a_last")[0].ShouldBe(4);
        stats.Get<Float64Column>("a_slope")[0].ShouldBe(1.5, 1e-12); // Σ(t−1)(v−7/3) / Σ(t−1)² = 3 / 2
        stats.Get<Float64Column>("b_slope")[0].ShouldBe(0);
    }

    [Fact]
    public void Compute_NameCountMismatch_Throws()
    {
        var windows = new RulWindowSet([1, 2], length: 2, features: 1, targets: [], unitIds: [1], endCycles: [2]);

        Should.Throw<ArgumentException>(() => WindowStatistics.Compute(windows, ["a", "b"]));
    }
}
