using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class DenseLayerTests
{
    [Theory]
    [InlineData(1, 5, 3, WeightInitialization.Glorot)]
    [InlineData(4, 3, 2, WeightInitialization.Glorot)]
    [InlineData(4, 6, 7, WeightInitialization.He)]
    public void Gradients_match_finite_differences(int steps, int inputs, int units, WeightInitialization init)
    {
        GradientCheck.Verify(() => new DenseLayer(units, init), new SequenceShape(steps, inputs), batch: 3, seed: steps * 10 + units);
    }

    [Fact]
    public void Golden_forward_and_backward()
    {
        var layer = LayerKit.Built(new DenseLayer(2), 1, 2);
        float[] weight = [1, 2, 3, 4];
        float[] bias = [0.5f, -1];
        weight.CopyTo(layer.Parameters[0].Value, 0);
        bias.CopyTo(layer.Parameters[1].Value, 0);

        var (y, dx, grads) = LayerKit.ForwardBackward(layer, [1, -1], [1, 2]);

        y.ShouldBe([-1.5f, -3f]);
        grads[0].ShouldBe([1f, 2f, -1f, -2f]);
        grads[1].ShouldBe([1f, 2f]);
        dx.ShouldBe([5f, 11f]);
    }

    [Fact]
    public void Applies_the_same_weights_to_every_step_and_accumulates_gradients()
    {
        var layer = LayerKit.Built(new DenseLayer(1), 2, 1);
        layer.Parameters[0].Value[0] = 2;
        layer.Parameters[1].Value[0] = 1;
        var state = layer.CreateState(1);
        var output = new float[2];
        float[] x = [3, -4];
        layer.Forward(state, x, output, 1, ForwardMode.Train(1));
        output.ShouldBe([7f, -7f]);
        layer.Backward(state, x, output, [1, 1], [], 1);
        layer.Backward(state, x, output, [1, 1], [], 1);
        state.Gradients[0][0].ShouldBe(-2f);
        state.Gradients[1][0].ShouldBe(4f);
    }

    [Fact]
    public void Initialization_follows_the_fan_limits()
    {
        var glorot = LayerKit.Built(new DenseLayer(50), 1, 100);
        glorot.Initialize(new Random(3));
        var he = LayerKit.Built(new DenseLayer(50, WeightInitialization.He), 1, 100);
        he.Initialize(new Random(3));

        var glorotLimit = Math.Sqrt(6.0 / 150);
        var heLimit = Math.Sqrt(6.0 / 100);
        glorot.Parameters[0].Value.Max(v => Math.Abs(v)).ShouldBeLessThanOrEqualTo((float)glorotLimit);
        glorot.Parameters[0].Value.Max(v => Math.Abs(v)).ShouldBeGreaterThan((float)(0.95 * glorotLimit));
        he.Parameters[0].Value.Max(v => Math.Abs(v)).ShouldBeGreaterThan((float)(0.95 * heLimit));
        he.Parameters[0].Value.Max(v => Math.Abs(v)).ShouldBeLessThanOrEqualTo((float)heLimit);
        glorot.Parameters[1].Value.ShouldAllBe(v => v == 0f);
        glorot.Parameters[1].Decays.ShouldBeFalse();
        glorot.Parameters[0].Decays.ShouldBeTrue();
        glorot.Parameters[0].Shape.ShouldBe([100, 50]);
    }

    [Fact]
    public void Rejects_invalid_options()
    {
        Should.Throw<ArgumentException>(() => new DenseLayer(0)).ParamName.ShouldBe("units");
        Should.Throw<ArgumentException>(() => new DenseLayer(3, (WeightInitialization)9)).ParamName.ShouldBe("init");
        Should.Throw<ArgumentException>(() => DenseLayer.FromSettings(new Dictionary<string, string>())).Message.ShouldContain("units");
        Should.Throw<ArgumentException>(() => DenseLayer.FromSettings(new Dictionary<string, string> { ["units"] = "x" })).Message.ShouldContain("units");
        Should.Throw<ArgumentException>(() => DenseLayer.FromSettings(new Dictionary<string, string> { ["units"] = "-2" })).Message.ShouldContain("units");
        Should.Throw<ArgumentException>(() => DenseLayer.FromSettings(new Dictionary<string, string> { ["units"] = "2", ["init"] = "lecun" })).Message.ShouldContain("init");
        Should.Throw<ArgumentException>(() => DenseLayer.FromSettings(new Dictionary<string, string> { ["units"] = "2", ["unit"] = "3" })).Message.ShouldContain("unit");
    }
}
