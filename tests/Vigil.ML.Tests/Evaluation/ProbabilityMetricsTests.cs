using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class ProbabilityMetricsTests
{
    [Fact]
    public void BinaryLogLoss_ZeroProbabilityOfTruth_IsClippedNotInfinite()
    {
        // −(ln 0.9 + ln 0.8 + ln ε + ln 0.4) / 4 with ε = 2⁻⁵²; scikit-learn 1.2.1 log_loss gives 9.322112046990837.
        var loss = ProbabilityMetrics.BinaryLogLoss([0, 1, 1, 0], [0.1, 0.8, 0.0, 0.6]);

        loss.ShouldBe(9.322112046990837, 1e-12);
    }

    [Fact]
    public void LogLoss_ThreeClasses_IsMeanNegativeLogOfTruth()
    {
        var loss = ProbabilityMetrics.LogLoss([0, 2, 1], [0.7, 0.2, 0.1, 0.2, 0.2, 0.6, 0.3, 0.3, 0.4], 3);

        loss.ShouldBe(-(Math.Log(0.7) + Math.Log(0.6) + Math.Log(0.3)) / 3, 1e-15);
        loss.ShouldBe(0.6904911240102196, 1e-12);  // scikit-learn 1.2.1
    }

    [Fact]
    public void LogLoss_RowsNotSummingToOne_AreRenormalized() =>
        ProbabilityMetrics.LogLoss([0], [0.2, 0.2], 2).ShouldBe(Math.Log(2), 1e-15);

    [Fact]
    public void BrierScore_Binary_IsMeanSquaredError() =>
        ProbabilityMetrics.BrierScore([0, 1, 1, 0], [0.1, 0.8, 0.3, 0.6]).ShouldBe((0.01 + 0.04 + 0.49 + 0.36) / 4, 1e-15);

    [Fact]
    public void MulticlassBrierScore_TwoClasses_IsTwiceTheBinaryScore() =>
        ProbabilityMetrics.MulticlassBrierScore([0, 1], [0.9, 0.1, 0.4, 0.6], 2).ShouldBe(2 * ((0.01 + 0.16) / 2), 1e-15);

    [Fact]
    public void LogLoss_ProbabilityOutsideUnitInterval_Throws() =>
        Should.Throw<ArgumentException>(() => ProbabilityMetrics.LogLoss([0], [1.2, -0.2], 2));
}
