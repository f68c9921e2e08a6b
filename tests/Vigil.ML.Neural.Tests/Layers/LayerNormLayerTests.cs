using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class LayerNormLayerTests
{
    [Theory]
    [InlineData(1, 6)]
    [InlineData(4, 5)]
    [InlineData(3, 2)]
    public void Gradients_match_finite_differences(int steps, int channels)
    {
        // Random γ and β, so the check covers more than the identity affine map.
        GradientCheck.Verify(() => new RandomAffineLayerNorm(), new SequenceShape(steps, channels), batch: 3, seed: steps * 10 + channels, epsilon: 3e-3f);
    }

    [Fact]
    public void Golden_forward_and_backward()
    {
        var layer = LayerKit.Built(new LayerNormLayer(), 1, 4);
        layer.Initialize(new Random(1));
        layer.Parameters[0].Value.ShouldBe([1f, 1f, 1f, 1f]);
        layer.Parameters[1].Value.ShouldBe([0f, 0f, 0f, 0f]);
        float[] x = [1, 2, 3, 4];

        // μ = 2.5, σ² = 1.25, 1/√(1.25 + 1e-5) = 0.8944236133.
        var (y, dx, grads) = LayerKit.ForwardBackward(layer, x, [1, 0, 0, 0]);
        y.ShouldBe([-1.3416354f, -0.4472118f, 0.4472118f, 1.3416354f], 1e-5f);
        dx.ShouldBe([0.2683303f, -0.3577684f, -0.0894434f, 0.1788815f], 1e-5f);
        grads[0].ShouldBe([-1.3416354f, 0f, 0f, 0f], 1e-5f);
        grads[1].ShouldBe([1f, 0f, 0f, 0f]);

        layer.Parameters[0].Value[1] = 2;
        layer.Parameters[1].Value[2] = 1;
        LayerKit.Forward(layer, x).ShouldBe([-1.3416354f, -0.8944236f, 1.4472118f, 1.3416354f], 1e-5f);
    }

    [Fact]
    public void Normalizes_each_step_separately()
    {
        var layer = LayerKit.Built(new LayerNormLayer(), 2, 3);
        layer.Initialize(new Random(1));
        var y = LayerKit.Forward(layer, [1, 2, 3, 100, 300, 200]);
        y[0].ShouldBe(y[3], 1e-4f);
        y[2].ShouldBe(y[4], 1e-4f);
        y[1].ShouldBe(0f, 1e-6f);
        y[5].ShouldBe(0f, 1e-6f);
        y[0].ShouldBe(-1.2247357f, 1e-4f);
        y.Sum().ShouldBe(0f, 1e-5f);
    }

    [Fact]
    public void FromSettings_rejects_settings()
    {
        Should.Throw<ArgumentException>(() => LayerNormLayer.FromSettings(new Dictionary<string, string> { ["epsilon"] = "1e-3" })).Message.ShouldContain("epsilon");
    }

    private sealed class RandomAffineLayerNorm : Layer
    {
        private readonly LayerNormLayer _inner = new();

        public override string Kind => _inner.Kind;

        public override IReadOnlyDictionary<string, string> Settings => _inner.Settings;

        protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) =>
            (_inner.Build(input), _inner.Parameters);

        public override void Initialize(Random random)
        {
            foreach (var p in _inner.Parameters)
            {
                for (var i = 0; i < p.Length; i++)
                {
                    p.Value[i] = (float)(random.NextDouble() * 2 - 0.5);
                }
            }
        }

        public override LayerState CreateState(int maxBatch) => _inner.CreateState(maxBatch);

        public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode) =>
            _inner.Forward(state, input, output, batch, mode);

        public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch) =>
            _inner.Backward(state, input, output, outputGradient, inputGradient, batch);
    }
}
