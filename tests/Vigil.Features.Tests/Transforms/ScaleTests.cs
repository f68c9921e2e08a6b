using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

public sealed class ScaleTests
{
    private static readonly FeatureFitContext Context = new();

    private static DataFrame Training() => new(
    [
        new Float64Column("x", [1, 2, 3, double.NaN]),
        new Float64Column("c", [5, 5, 5, 5]),
    ]);

    [Fact]
    public void StandardScale_TinyFrame_UsesMeanAndPopulationStd()
    {
        var fitted = FeatureTransforms.StandardScale().Fit(Training(), Context);

        var result = fitted.Transform(Training());

        // mean 2, population std sqrt(2/3) = 0.816496580927726; NaN passes through.
        TransformAssert.Near(TransformAssert.Values(result, "x"), [-1.224744871391589, 0, 1.224744871391589, double.NaN]);
        result.ColumnNames.ShouldBe(["x", "c"]);
    }

    [Fact]
    public void StandardScale_ConstantColumn_UsesScaleOne()
    {
        var fitted = (FittedScale)FeatureTransforms.StandardScale().Fit(Training(), Context);

        TransformAssert.Values(fitted.Transform(Training()), "c").ShouldBe([0, 0, 0, 0]);
        fitted.Offsets.ShouldBe([2, 5]);
        fitted.Scales[1].ShouldBe(1);
    }

    [Fact]
    public void StandardScale_NewRows_UseTrainingStatistics()
    {
        var fitted = FeatureTransforms.StandardScale(new ScaleOptions { Columns = ["x"] }).Fit(Training(), Context);
        var serving = new DataFrame([new Float64Column("x", [4, double.NaN])]);

        TransformAssert.Near(TransformAssert.Values(fitted.Transform(serving), "x"), [2.449489742783178, double.NaN]);
    }

    [Fact]
    public void MinMaxScale_TinyFrame_MapsTrainingRangeToUnitInterval()
    {
        var training = new DataFrame([new Float64Column("x", [2, 4, 6, double.NaN]), new Float64Column("c", [3, 3, 3, 3])]);
        var fitted = FeatureTransforms.MinMaxScale().Fit(training, Context);

        var result = fitted.Transform(training);

        TransformAssert.Near(TransformAssert.Values(result, "x"), [0, 0.5, 1, double.NaN]);
        TransformAssert.Values(result, "c").ShouldBe([0, 0, 0, 0]);
        TransformAssert.Values(fitted.Transform(new DataFrame([new Float64Column("x", [8]), new Float64Column("c", [4])])), "x").ShouldBe([1.5]);
    }

    [Fact]
    public void MinMaxScale_NotInPlace_AddsScaledColumnAndKeepsInput()
    {
        var fitted = FeatureTransforms.MinMaxScale(new ScaleOptions { Columns = ["x"], InPlace = false }).Fit(Training(), Context);

        var result = fitted.Transform(Training());

        fitted.OutputColumns.ShouldBe(["x_scaled"]);
        result.ColumnNames.ShouldBe(["x", "c", "x_scaled"]);
        TransformAssert.Values(result, "x").ShouldBe(TransformAssert.Values(Training(), "x"));
        TransformAssert.Near(TransformAssert.Values(result, "x_scaled"), [0, 0.5, 1, double.NaN]);
    }

    [Fact]
    public void Describe_StandardScale_ListsLearnedStatistics()
    {
        var fitted = FeatureTransforms.StandardScale(new ScaleOptions { Columns = ["x"] }).Fit(Training(), Context);

        fitted.Describe().ShouldBe("standard_scale: x (mean 2, std 0.816497)");
    }

    [Fact]
    public void Create_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var error = Should.Throw<ArgumentException>(() => FeatureTransforms.MinMaxScale(new ScaleOptions { Columns = ["x", "x", " "] }));

        error.Message.ShouldContain("Invalid ScaleOptions");
        error.Message.ShouldContain("blank");
        error.Message.ShouldContain("repeat 'x'");
    }
}
