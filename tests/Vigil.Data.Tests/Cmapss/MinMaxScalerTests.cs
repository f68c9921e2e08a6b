using Shouldly;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Xunit;

namespace Vigil.Data.Tests.Cmapss;

public sealed class MinMaxScalerTests
{
    [Fact]
    public void Transform_TestFrame_UsesTrainRangeOnly()
    {
        var scaler = MinMaxScaler.Fit(TinyCmapss.Train(), ["s2", "s3"]);
        var test = CmapssReader.Read(new StringReader(TinyCmapss.Line(1, 1, 31, -3) + "\n" + TinyCmapss.Line(1, 2, 61, 0)), "test_tiny.txt");

        var scaled = scaler.Transform(test);

        scaler.Min.ShouldBe([11, -5]);
        scaler.Max.ShouldBe([51, -1]);
        scaled.Get<Float64Column>("s2").ToArray().ShouldBe([0.5, 1.25]);
        scaled.Get<Float64Column>("s3").ToArray().ShouldBe([0.5, 1.25]);
        scaled.Get<Float64Column>("cycle").ToArray().ShouldBe([1, 2]);
    }

    [Fact]
    public void Scale_ConstantColumn_MapsToZero() =>
        MinMaxScaler.Fit(TinyCmapss.Train(), ["setting3"]).Scale(0, 100).ShouldBe(0);
}
