using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class ActivationLayerTests
{
    [Theory]
    [InlineData(ActivationFunction.Linear)]
    [InlineData(ActivationFunction.Relu)]
    [InlineData(ActivationFunction.Tanh)]
    [InlineData(ActivationFunction.Sigmoid)]
    [InlineData(ActivationFunction.Gelu)]
    public void Gradients_match_finite_differences(ActivationFunction function)
    {
        var shape = new SequenceShape(4, 5);
        // Values 0.05 apart, none closer than 0.025 to zero: the ReLU kink stays outside every ±0.01 probe.
        var x = LayerKit.Spaced(3 * shape.Size, 7).Select(v => v * 3).ToArray();
        GradientCheck.Verify(() => new ActivationLayer(function), shape, batch: 3, seed: 5, inputValues: x);
    }

    [Fact]
    public void Gelu_gradient_passes_on_uniform_inputs_too()
    {
        GradientCheck.Verify(() => new ActivationLayer(ActivationFunction.Gelu), new SequenceShape(3, 4), batch: 2, seed: 11, epsilon: 1e-3f);
    }

    [Fact]
    public void Known_values()
    {
        float[] x = [-2, -0.5f, 0, 1, 3];
        Run(ActivationFunction.Linear, x).ShouldBe(x);
        Run(ActivationFunction.Relu, x).ShouldBe([0f, 0f, 0f, 1f, 3f]);
        Run(ActivationFunction.Tanh, x).ShouldBe(x.Select(v => (float)Math.Tanh(v)).ToArray(), 1e-6f);
        Run(ActivationFunction.Sigmoid, x).ShouldBe(x.Select(v => (float)(1 / (1 + Math.Exp(-v)))).ToArray(), 1e-6f);
        // x·Φ(x) from tables: Φ(−2) = 0.0227501319, Φ(−0.5) = 0.3085375387, Φ(1) = 0.8413447461, Φ(3) = 0.9986501020.
        Run(ActivationFunction.Gelu, x).ShouldBe([-0.0455002638f, -0.1542687694f, 0f, 0.8413447461f, 2.995950306f], 2e-6f);
    }

    [Fact]
    public void Erf_is_float_accurate()
    {
        // Reference values of erf.
        (double X, double Erf)[] table = [(0.1, 0.1124629160), (0.5, 0.5204998778), (1.0, 0.8427007929), (2.0, 0.9953222650), (-1.5, -0.9661051465), (3.5, 0.9999992569)];
        foreach (var (x, erf) in table)
        {
            ActivationLayer.Erf(x).ShouldBe(erf, 2e-7);
        }
    }

    [Fact]
    public void Rejects_invalid_options()
    {
        Should.Throw<ArgumentException>(() => new ActivationLayer((ActivationFunction)42)).ParamName.ShouldBe("function");
        Should.Throw<ArgumentException>(() => ActivationLayer.FromSettings(new Dictionary<string, string> { ["function"] = "swish" })).Message.ShouldContain("function");
        Should.Throw<ArgumentException>(() => ActivationLayer.FromSettings(new Dictionary<string, string>())).Message.ShouldContain("function");
    }

    private static float[] Run(ActivationFunction function, float[] x) =>
        LayerKit.Forward(LayerKit.Built(new ActivationLayer(function), 1, x.Length), x);
}
