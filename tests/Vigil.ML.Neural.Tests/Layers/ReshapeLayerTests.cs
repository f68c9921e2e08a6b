using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class ReshapeLayerTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(5, 3)]
    public void Flatten_gradients_match_finite_differences(int steps, int channels)
    {
        GradientCheck.Verify(() => new FlattenLayer(), new SequenceShape(steps, channels), batch: 3, seed: steps);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(5, 3)]
    public void LastStep_gradients_match_finite_differences(int steps, int channels)
    {
        GradientCheck.Verify(() => new LastStepLayer(), new SequenceShape(steps, channels), batch: 3, seed: steps);
    }

    [Fact]
    public void Flatten_copies_step_major_data()
    {
        var layer = LayerKit.Built(new FlattenLayer(), 3, 2);
        layer.OutputShape.ShouldBe(SequenceShape.Dense(6));
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        float[] dy = [-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12];
        var (y, dx, _) = LayerKit.ForwardBackward(layer, x, dy, batch: 2);
        y.ShouldBe(x);
        dx.ShouldBe(dy);
    }

    [Fact]
    public void LastStep_selects_the_last_step_and_routes_the_gradient_to_it()
    {
        var layer = LayerKit.Built(new LastStepLayer(), 3, 2);
        layer.OutputShape.ShouldBe(SequenceShape.Dense(2));
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var (y, dx, _) = LayerKit.ForwardBackward(layer, x, [1, 2, 3, 4], batch: 2);
        y.ShouldBe([5f, 6f, 11f, 12f]);
        dx.ShouldBe([0f, 0f, 0f, 0f, 1f, 2f, 0f, 0f, 0f, 0f, 3f, 4f]);
    }

    [Fact]
    public void Parameter_free_layers_reject_settings()
    {
        var bogus = new Dictionary<string, string> { ["units"] = "3" };
        Should.Throw<ArgumentException>(() => FlattenLayer.FromSettings(bogus)).Message.ShouldContain("units");
        Should.Throw<ArgumentException>(() => LastStepLayer.FromSettings(bogus)).Message.ShouldContain("units");
    }
}
