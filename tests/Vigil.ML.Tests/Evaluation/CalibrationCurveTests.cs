using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class CalibrationCurveTests
{
    private static readonly int[] Labels = [0, 0, 1, 1, 1, 0, 1, 0, 1, 1];
    private static readonly double[] Scores = [0.05, 0.1, 0.2, 0.35, 0.5, 0.5, 0.65, 0.7, 0.95, 1.0];

    [Fact]
    public void Compute_UniformBins_EdgeValuesGoToTheLowerBin()
    {
        // Edges 0, .25, .5, .75, 1; the two 0.5 rows fall in (0.25, 0.5]. Matches scikit-learn 1.2.1 calibration_curve.
        var curve = CalibrationCurve.Compute(Labels, Scores, 4);

        curve.Bins.Select(b => b.Count).ShouldBe([3, 3, 2, 2]);
        curve.Bins.Select(b => b.ObservedFrequency).ShouldBe([1.0 / 3, 2.0 / 3, 0.5, 1.0], 1e-12);
        curve.Bins.Select(b => b.MeanPredicted).ShouldBe([0.35 / 3, 1.35 / 3, 0.675, 0.975], 1e-12);
        curve.Bins[1].Lower.ShouldBe(0.25);
        curve.Bins[1].Upper.ShouldBe(0.5);
    }

    [Fact]
    public void Compute_QuantileBins_MatchScikitLearn()
    {
        // scikit-learn 1.2.1 calibration_curve(..., n_bins=3, strategy="quantile"): prob_true [1/3, 2/3, 3/4], prob_pred [0.11667, 0.45, 0.825].
        var curve = CalibrationCurve.Compute(Labels, Scores, 3, CalibrationBinning.Quantile);

        curve.Bins.Select(b => b.ObservedFrequency).ShouldBe([1.0 / 3, 2.0 / 3, 0.75], 1e-12);
        curve.Bins.Select(b => b.MeanPredicted).ShouldBe([0.35 / 3, 0.45, 0.825], 1e-12);
    }

    [Fact]
    public void Compute_EmptyBins_AreDropped()
    {
        var curve = CalibrationCurve.Compute([0, 1, 1], [0.05, 0.95, 0.92], 10);

        curve.Bins.Count.ShouldBe(2);
        curve.ExpectedCalibrationError.ShouldBe(((1 * 0.05) + (2 * 0.065)) / 3, 1e-12);
    }

    [Fact]
    public void Compute_ProbabilityAboveOne_Throws() =>
        Should.Throw<ArgumentException>(() => CalibrationCurve.Compute([1], [1.5]));
}
