using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Layers;

/// <summary>Layer normalization (Ba et al. 2016) over the channels of every step: y = γ·(x − μ) / √(σ² + ε) + β, ε = 1e-5.</summary>
/// <remarks>
/// μ and σ² are the mean and the biased variance of the step's C values. Parameters "gamma" [C] (ones, no decay) and "beta" [C] (zeros, no decay).
/// The exact backward pass, with x̂ the normalized values and g = dy·γ: dx = (g − mean(g) − x̂·mean(g·x̂)) / √(σ² + ε); dγ += Σ dy·x̂, dβ += Σ dy.
/// </remarks>
public sealed class LayerNormLayer : Layer
{
    /// <summary>The variance offset ε.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>Creates a layer-normalization layer.</summary>
    public LayerNormLayer()
    {
    }

    /// <inheritdoc />
    public override string Kind => "layernorm";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> (none).</summary>
    /// <exception cref="ArgumentException">A setting is present (the message names it).</exception>
    public static LayerNormLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "layernorm");
        return new LayerNormLayer();
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) =>
        (input, [new Parameter("gamma", [input.Channels], decays: false), new Parameter("beta", [input.Channels], decays: false)]);

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
        Array.Fill(Parameters[0].Value, 1f);
        Array.Clear(Parameters[1].Value);
    }

    /// <inheritdoc />
    public override LayerState CreateState(int maxBatch) => new State(this, maxBatch);

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var s = (State)state;
        var c = InputShape.Channels;
        var rows = batch * InputShape.Steps;
        ReadOnlySpan<float> gamma = Parameters[0].Value;
        ReadOnlySpan<float> beta = Parameters[1].Value;
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * c, c);
            var xhat = s.Normalized.AsSpan(r * c, c);
            var mean = TensorPrimitives.Sum(x) / c;
            TensorPrimitives.Subtract(x, mean, xhat);
            var variance = TensorPrimitives.SumOfSquares<float>(xhat) / c;
            var rstd = 1f / MathF.Sqrt(variance + Epsilon);
            s.InverseStd[r] = rstd;
            TensorPrimitives.Multiply(xhat, rstd, xhat);
            TensorPrimitives.MultiplyAdd(xhat, gamma, beta, output.Slice(r * c, c));
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        var s = (State)state;
        var c = InputShape.Channels;
        var rows = batch * InputShape.Steps;
        ReadOnlySpan<float> gamma = Parameters[0].Value;
        Span<float> dGamma = s.Gradients[0];
        Span<float> dBeta = s.Gradients[1];
        for (var r = 0; r < rows; r++)
        {
            var dy = outputGradient.Slice(r * c, c);
            ReadOnlySpan<float> xhat = s.Normalized.AsSpan(r * c, c);
            TensorPrimitives.MultiplyAdd(dy, xhat, dGamma, dGamma);
            TensorPrimitives.Add(dBeta, dy, dBeta);
            if (inputGradient.IsEmpty)
            {
                continue;
            }

            var dx = inputGradient.Slice(r * c, c);
            TensorPrimitives.Multiply(dy, gamma, dx);
            var meanG = TensorPrimitives.Sum<float>(dx) / c;
            var meanGx = TensorPrimitives.Dot(dx, xhat) / c;
            TensorPrimitives.MultiplyAdd(xhat, -meanGx, dx, dx);
            TensorPrimitives.Subtract(dx, meanG, dx);
            TensorPrimitives.Multiply(dx, s.InverseStd[r], dx);
        }
    }

    /// <summary>The normalized values x̂ and 1 / √(σ² + ε) of every step of the last forward pass.</summary>
    private sealed class State : LayerState
    {
        public State(LayerNormLayer layer, int maxBatch)
            : base(layer, maxBatch)
        {
            Normalized = new float[checked(maxBatch * layer.InputShape.Size)];
            InverseStd = new float[checked(maxBatch * layer.InputShape.Steps)];
        }

        public float[] Normalized { get; }

        public float[] InverseStd { get; }
    }
}
