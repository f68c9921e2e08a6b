using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class Conv1DLayerTests
{
    [Theory]
    [InlineData(7, 3, 4, 1, 1, 1, Padding.Valid)]
    [InlineData(7, 3, 4, 1, 1, 1, Padding.Same)]
    [InlineData(7, 2, 3, 2, 1, 1, Padding.Same)]
    [InlineData(7, 2, 3, 2, 1, 1, Padding.Valid)]
    [InlineData(8, 3, 2, 3, 1, 1, Padding.Same)]
    [InlineData(8, 3, 2, 3, 1, 1, Padding.Valid)]
    [InlineData(9, 2, 3, 3, 2, 1, Padding.Same)]
    [InlineData(9, 2, 3, 3, 2, 1, Padding.Valid)]
    [InlineData(8, 2, 3, 2, 2, 1, Padding.Same)]
    [InlineData(9, 2, 2, 3, 1, 2, Padding.Valid)]
    [InlineData(9, 2, 2, 3, 1, 2, Padding.Same)]
    [InlineData(10, 3, 2, 2, 2, 2, Padding.Same)]
    public void Gradients_match_finite_differences(int steps, int channels, int filters, int kernel, int stride, int dilation, Padding padding)
    {
        GradientCheck.Verify(
            () => new Conv1DLayer(filters, kernel, stride, dilation, padding),
            new SequenceShape(steps, channels), batch: 2, seed: steps + kernel * 7 + stride * 31 + dilation * 101);
    }

    [Theory]
    [InlineData(10, 3, 1, 1, Padding.Valid, 8)]
    [InlineData(10, 3, 1, 1, Padding.Same, 10)]
    [InlineData(10, 3, 2, 1, Padding.Same, 5)]
    [InlineData(11, 3, 2, 1, Padding.Same, 6)]
    [InlineData(11, 3, 2, 1, Padding.Valid, 5)]
    [InlineData(10, 3, 1, 2, Padding.Valid, 6)]
    [InlineData(10, 2, 3, 1, Padding.Same, 4)]
    [InlineData(5, 5, 1, 1, Padding.Valid, 1)]
    public void Output_steps(int steps, int kernel, int stride, int dilation, Padding padding, int expected)
    {
        new Conv1DLayer(2, kernel, stride, dilation, padding).Build(new SequenceShape(steps, 3)).ShouldBe(new SequenceShape(expected, 2));
    }

    [Fact]
    public void Golden_valid_and_same_kernel_3()
    {
        float[] x = [1, 2, 3, 4];
        Run(new Conv1DLayer(1, 3, padding: Padding.Valid), 1, [1, 2, 3], [0], x).ShouldBe([14f, 20f]);
        // One zero before and one after.
        Run(new Conv1DLayer(1, 3, padding: Padding.Same), 1, [1, 2, 3], [0], x).ShouldBe([8f, 14f, 20f, 11f]);
        // Stride 2, same: two outputs, total pad 1 goes after the sequence.
        Run(new Conv1DLayer(1, 3, stride: 2, padding: Padding.Same), 1, [1, 2, 3], [0], x).ShouldBe([14f, 11f]);
    }

    [Fact]
    public void Golden_even_kernel_same_pads_at_the_end()
    {
        // y_t = x_t + 2·x_{t+1}, with a zero after the last step.
        Run(new Conv1DLayer(1, 2, padding: Padding.Same), 1, [1, 2], [0], [1, 2, 3, 4]).ShouldBe([5f, 8f, 11f, 4f]);
    }

    [Fact]
    public void Golden_dilation()
    {
        // y_t = x_t + x_{t+2}.
        Run(new Conv1DLayer(1, 2, dilation: 2), 1, [1, 1], [0], [1, 2, 3, 4]).ShouldBe([4f, 6f]);
    }

    [Fact]
    public void Golden_two_channels_with_bias_and_backward()
    {
        // Weight rows are tap-major: (k0,c0), (k0,c1), (k1,c0), (k1,c1).
        var layer = LayerKit.Built(new Conv1DLayer(1, 2), 3, 2);
        float[] w = [1, 0.1f, -1, 0.01f];
        w.CopyTo(layer.Parameters[0].Value, 0);
        layer.Parameters[1].Value[0] = 0.5f;
        float[] x = [1, 10, 2, 20, 3, 30];

        var (y, dx, grads) = LayerKit.ForwardBackward(layer, x, [1, 2]);

        y.ShouldBe([0.7f, 1.8f], 1e-5f);
        // dW = colsᵀ·dY: cols = [[1,10,2,20],[2,20,3,30]].
        grads[0].ShouldBe([5f, 50f, 8f, 80f], 1e-5f);
        grads[1].ShouldBe([3f]);
        // dX: step 0 gets tap 0 of window 0, step 1 gets tap 1 of window 0 and tap 0 of window 1, step 2 gets tap 1 of window 1.
        dx.ShouldBe([1f, 0.1f, -1 + 2f, 0.01f + 0.2f, -2f, 0.02f], 1e-5f);
    }

    [Fact]
    public void Rejects_invalid_options()
    {
        Should.Throw<ArgumentException>(() => new Conv1DLayer(0, 3)).ParamName.ShouldBe("filters");
        Should.Throw<ArgumentException>(() => new Conv1DLayer(2, 0)).ParamName.ShouldBe("kernelSize");
        Should.Throw<ArgumentException>(() => new Conv1DLayer(2, 3, stride: 0)).ParamName.ShouldBe("stride");
        Should.Throw<ArgumentException>(() => new Conv1DLayer(2, 3, dilation: 0)).ParamName.ShouldBe("dilation");
        Should.Throw<ArgumentException>(() => new Conv1DLayer(2, 3, padding: (Padding)5)).ParamName.ShouldBe("padding");
        Should.Throw<ArgumentException>(() => Conv1DLayer.FromSettings(new Dictionary<string, string> { ["filters"] = "2", ["kernelSize"] = "3", ["padding"] = "causal" }))
            .Message.ShouldContain("padding");
        Should.Throw<ArgumentException>(() => Conv1DLayer.FromSettings(new Dictionary<string, string> { ["filters"] = "2" })).Message.ShouldContain("kernelSize");
        Should.Throw<ArgumentException>(() => Conv1DLayer.FromSettings(new Dictionary<string, string> { ["filters"] = "2", ["kernelSize"] = "3", ["stride"] = "0" }))
            .Message.ShouldContain("stride");
    }

    [Fact]
    public void Build_rejects_a_sequence_shorter_than_a_valid_window()
    {
        var e = Should.Throw<ArgumentException>(() => new Conv1DLayer(2, 3, dilation: 2).Build(new SequenceShape(4, 2)));
        e.Message.ShouldContain("spans 5 steps");
        e.Message.ShouldContain("(4×2)");
    }

    private static float[] Run(Conv1DLayer layer, int channels, float[] weight, float[] bias, float[] x)
    {
        LayerKit.Built(layer, x.Length / channels, channels);
        weight.CopyTo(layer.Parameters[0].Value, 0);
        bias.CopyTo(layer.Parameters[1].Value, 0);
        return LayerKit.Forward(layer, x);
    }
}
