using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

public sealed class OrdinalTests
{
    private static DataFrame Frame(params string?[] colors) => new([CategoricalColumn.FromValues("color", colors)]);

    [Fact]
    public void Transform_Training_CodesInSortedCategoryOrder()
    {
        var fitted = FeatureTransforms.Ordinal().Fit(Frame("red", "blue", null, "green", "red"), new());

        var result = fitted.Transform(Frame("red", "blue", null, "green", "red"));

        result[0].Kind.ShouldBe(ColumnKind.Float64);
        TransformAssert.Near(TransformAssert.Values(result, "color"), [2, 0, double.NaN, 1, 2]);
    }

    [Fact]
    public void Transform_UnknownDefault_MinusOne()
    {
        var fitted = FeatureTransforms.Ordinal(new OrdinalOptions { InPlace = false }).Fit(Frame("red", "blue"), new());

        var result = fitted.Transform(Frame("purple", "red"));

        result.ColumnNames.ShouldBe(["color", "color_ordinal"]);
        TransformAssert.Values(result, "color_ordinal").ShouldBe([-1, 1]);
    }

    [Fact]
    public void Transform_UnknownError_ThrowsNamingColumnValueAndRow()
    {
        var fitted = FeatureTransforms.Ordinal(new OrdinalOptions { ErrorOnUnknown = true }).Fit(Frame("red", "blue"), new());

        var error = Should.Throw<ArgumentException>(() => fitted.Transform(Frame("red", "purple")));

        error.Message.ShouldStartWith("ordinal: column 'color' has value 'purple' at row 1");
    }
}
