using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class MaxPool1DLayerTests
{
    [Theory]
    [InlineData(8, 3, 2, null)]
    [InlineData(9, 3, 2, 2)]
    [InlineData(7, 2, 3, 1)]
    [InlineData(9, 2, 3, 2)]
    public void Gradients_match_finite_differences(int steps, int channels, int pool, int? stride)
    {
        var shape = new SequenceShape(steps, channels);
        // Distinct values 0.05 apart: a ±0.01 probe never changes which value wins a window.
        var x = LayerKit.Spaced(3 * shape.Size, steps * 10 + pool);
        GradientCheck.Verify(() => new MaxPool1DLayer(pool, stride), shape, batch: 3, seed: pool, inputValues: x);
    }

    [Fact]
    public void Golden_pool_2_stride_2()
    {
        var layer = LayerKit.Built(new MaxPool1DLayer(2), 5, 2);
        layer.OutputShape.ShouldBe(new SequenceShape(2, 2));
        float[] x = [1, 5, 3, 2, 0, 7, 4, -1, 9, 9];

        var (y, dx, _) = LayerKit.ForwardBackward(layer, x, [1, 2, 3, 4]);

        y.ShouldBe([3f, 5f, 4f, 7f]);
        dx.ShouldBe([0f, 2f, 1f, 0f, 0f, 4f, 3f, 0f, 0f, 0f]);
    }

    [Fact]
    public void Golden_pool_3_stride_1_adds_gradients_of_overlapping_windows()
    {
        var layer = LayerKit.Built(new MaxPool1DLayer(3, 1), 5, 2);
        float[] x = [1, 5, 3, 2, 0, 7, 4, -1, 9, 9];

        var (y, dx, _) = LayerKit.ForwardBackward(layer, x, [1, 1, 1, 1, 1, 1]);

        y.ShouldBe([3f, 7f, 4f, 7f, 9f, 9f]);
        dx.ShouldBe([0f, 0f, 1f, 0f, 0f, 2f, 1f, 0f, 1f, 1f]);
    }

    [Fact]
    public void Rejects_invalid_options_and_short_inputs()
    {
        Should.Throw<ArgumentException>(() => new MaxPool1DLayer(0)).ParamName.ShouldBe("poolSize");
        Should.Throw<ArgumentException>(() => new MaxPool1DLayer(2, 0)).ParamName.ShouldBe("stride");
        Should.Throw<ArgumentException>(() => MaxPool1DLayer.FromSettings(new Dictionary<string, string>())).Message.ShouldContain("poolSize");
        Should.Throw<ArgumentException>(() => MaxPool1DLayer.FromSettings(new Dictionary<string, string> { ["poolSize"] = "2", ["stride"] = "1.5" })).Message.ShouldContain("stride");
        Should.Throw<ArgumentException>(() => new MaxPool1DLayer(4).Build(new SequenceShape(3, 2))).Message.ShouldContain("poolSize 4");
    }
}
