using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

public sealed class OneHotTests
{
    private static readonly FeatureFitContext Context = new();

    private static DataFrame Training() => new(
    [
        new Float64Column("n", [1, 2, 3, 4]),
        CategoricalColumn.FromValues("color", ["red", "blue", null, "red"]),
    ]);

    private static DataFrame Serving() => new(
    [
        new Float64Column("n", [5, 6, 7]),
        CategoricalColumn.FromValues("color", ["green", "blue", null]),
    ]);

    [Fact]
    public void Transform_Training_IndicatorsInSortedOrderReplaceTheInput()
    {
        var fitted = FeatureTransforms.OneHot(new OneHotOptions { Columns = ["color"] }).Fit(Training(), Context);

        var result = fitted.Transform(Training());

        result.ColumnNames.ShouldBe(["n", "color=blue", "color=red", "color=<missing>"]);
        TransformAssert.Values(result, "color=blue").ShouldBe([0, 1, 0, 0]);
        TransformAssert.Values(result, "color=red").ShouldBe([1, 0, 0, 1]);
        TransformAssert.Values(result, "color=<missing>").ShouldBe([0, 0, 1, 0]);
    }

    [Fact]
    public void Transform_UnknownIgnore_AllZeros()
    {
        var fitted = FeatureTransforms.OneHot(new OneHotOptions { Unknown = UnknownCategoryPolicy.Ignore }).Fit(Training(), Context);

        var result = fitted.Transform(Serving());

        TransformAssert.Values(result, "color=blue").ShouldBe([0, 1, 0]);
        TransformAssert.Values(result, "color=red").ShouldBe([0, 0, 0]);
        TransformAssert.Values(result, "color=<missing>").ShouldBe([0, 0, 1]);
    }

    [Fact]
    public void Transform_UnknownError_ThrowsNamingColumnValueAndRow()
    {
        var fitted = FeatureTransforms.OneHot(new OneHotOptions { Unknown = UnknownCategoryPolicy.Error }).Fit(Training(), Context);

        var error = Should.Throw<ArgumentException>(() => fitted.Transform(Serving()));

        error.Message.ShouldStartWith("one_hot: column 'color' has value 'green' at row 0, which was not seen in training; known: blue, red");
    }

    [Fact]
    public void Transform_UnknownOther_SetsOtherBucket()
    {
        var fitted = FeatureTransforms.OneHot(new OneHotOptions { Unknown = UnknownCategoryPolicy.Other }).Fit(Training(), Context);

        var result = fitted.Transform(Serving());

        result.ColumnNames.ShouldBe(["n", "color=blue", "color=red", "color=<other>", "color=<missing>"]);
        TransformAssert.Values(result, "color=<other>").ShouldBe([1, 0, 0]);
        TransformAssert.Values(result, "color=blue").ShouldBe([0, 1, 0]);
        TransformAssert.Values(fitted.Transform(Training()), "color=<other>").ShouldBe([0, 0, 0, 0]);
    }

    [Fact]
    public void Transform_MissingAsNaN_NaNAcrossTheIndicators()
    {
        var fitted = FeatureTransforms.OneHot(new OneHotOptions { Missing = MissingCategoryPolicy.NaN }).Fit(Training(), Context);

        var result = fitted.Transform(Serving());

        result.ColumnNames.ShouldBe(["n", "color=blue", "color=red"]);
        TransformAssert.Near(TransformAssert.Values(result, "color=blue"), [0, 1, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "color=red"), [0, 0, double.NaN]);
    }

    [Fact]
    public void Transform_TextAndBooleanColumns_EncodeLikeCategories()
    {
        var training = new DataFrame([new StringColumn("site", ["b", "a", "b"]), new BooleanColumn("flag", [true, null, false])]);
        var fitted = FeatureTransforms.OneHot(new OneHotOptions { KeepInput = true }).Fit(training, Context);

        var result = fitted.Transform(training);

        result.ColumnNames.ShouldBe(["site", "site=a", "site=b", "site=<missing>", "flag", "flag=false", "flag=true", "flag=<missing>"]);
        TransformAssert.Values(result, "site=b").ShouldBe([1, 0, 1]);
        TransformAssert.Values(result, "flag=<missing>").ShouldBe([0, 1, 0]);
    }

    [Fact]
    public void Transform_ServingTextWhereTrainingHadCategorical_GivesSameIndicators()
    {
        var fitted = FeatureTransforms.OneHot().Fit(Training(), Context);
        var asText = Training().WithColumn(new StringColumn("color", ["red", "blue", null, "red"]));

        TransformAssert.SameFrame(fitted.Transform(asText), fitted.Transform(Training()));
    }
}
