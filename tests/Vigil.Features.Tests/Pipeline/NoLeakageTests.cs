using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Pipeline;
using Vigil.Features.Tests.Transforms;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Pipeline;

/// <summary>Scaling learns from the training rows only: test rows neither shape the statistics nor each other's outputs.</summary>
public sealed class NoLeakageTests
{
    private static DataFrame Train() => new([new Float64Column("x", [1, 2, 3, 6]), new Float64Column("z", [10, 10, 20, double.NaN])]);

    private static DataFrame Test(double scale = 1) => new([new Float64Column("x", [100 * scale, -5 * scale, 3]), new Float64Column("z", [0, 1000 * scale, 15])]);

    private static FeaturePipeline Scaling() => new([FeatureTransforms.StandardScale(), FeatureTransforms.MinMaxScale(new ScaleOptions { Columns = ["x"], InPlace = false })]);

    [Fact]
    public void Fit_OnTrain_StatisticsEqualThoseOfTheTrainingRows()
    {
        var fitted = Scaling().Fit(Train(), new(), TestContext.Current.CancellationToken);
        var standard = (FittedScale)fitted.Steps[0];

        // x: mean 3, population std √3.5; z (NaN skipped): mean 40/3, std √(200/9).
        standard.Offsets.ShouldBe([3, 40.0 / 3], 1e-12);
        standard.Scales.ShouldBe([Math.Sqrt(3.5), Math.Sqrt(200.0 / 9)], 1e-12);

        // The min-max step sees the standardized training x: (1 − 3)/√3.5 … (6 − 3)/√3.5.
        var minMax = (FittedScale)fitted.Steps[1];
        minMax.Offsets[0].ShouldBe(-2 / Math.Sqrt(3.5), 1e-12);
        minMax.Scales[0].ShouldBe(5 / Math.Sqrt(3.5), 1e-12);
    }

    [Fact]
    public void Fit_OnTrainOnly_DiffersFromFittingOnTrainAndTest()
    {
        var trainOnly = (FittedScale)Scaling().Fit(Train(), new(), TestContext.Current.CancellationToken).Steps[0];
        var all = new DataFrame([new Float64Column("x", [1, 2, 3, 6, 100, -5, 3]), new Float64Column("z", [10, 10, 20, double.NaN, 0, 1000, 15])]);
        var leaky = (FittedScale)Scaling().Fit(all, new(), TestContext.Current.CancellationToken).Steps[0];

        trainOnly.Offsets.ShouldNotBe(leaky.Offsets);
    }

    [Fact]
    public void Transform_AlteredTestRows_ChangeNothingLearnedNorOtherRows()
    {
        var fitted = Scaling().Fit(Train(), new(), TestContext.Current.CancellationToken);
        var before = fitted.Transform(Test());
        var describe = fitted.Describe();

        var after = fitted.Transform(Test(scale: 1000));

        fitted.Describe().ShouldBe(describe);
        TransformAssert.SameFrame(fitted.Transform(Train()), Scaling().Fit(Train(), new(), TestContext.Current.CancellationToken).Transform(Train()));

        // Row 2 is the same in both test frames, so its features are too: no statistic comes from the test rows.
        TransformAssert.SameFrame(after.Take([2]), before.Take([2]));
        TransformAssert.Values(before, "x")[2].ShouldBe(0);
        TransformAssert.Values(before, "x_scaled")[2].ShouldBe(0.4, 1e-12);
    }
}
