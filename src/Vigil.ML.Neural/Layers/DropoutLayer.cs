namespace Vigil.ML.Neural.Layers;

/// <summary>Inverted dropout (Srivastava et al. 2014): in training each value is zeroed with probability <see cref="Rate"/> and the kept ones are scaled by 1 / (1 − rate); inference is the identity.</summary>
/// <remarks>
/// The mask is a pure function of <see cref="ForwardMode.Seed"/> and each value's absolute index in the batch span (a counter-based hash:
/// SplitMix64's finalizer over the mixed seed plus the index times the golden-ratio increment, Steele et al. 2014), so the same seed and batch give
/// the same mask on any thread, and different examples of a batch get independent masks. The per-value scale (0 or 1 / (1 − rate)) is cached for
/// the backward pass.
/// </remarks>
public sealed class DropoutLayer : Layer
{
    /// <summary>The settings key of <see cref="Rate"/>.</summary>
    public const string RateKey = "rate";

    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Creates a dropout layer.</summary>
    /// <exception cref="ArgumentException"><paramref name="rate"/> is not in [0, 1).</exception>
    public DropoutLayer(double rate)
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "'rate' must be in [0, 1).");
        }

        Rate = rate;
    }

    /// <summary>The probability of dropping each value in training.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override string Kind => "dropout";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { [RateKey] = SettingsReader.Format(Rate) };

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("rate" required, in [0, 1)).</summary>
    /// <exception cref="ArgumentException">The setting is missing, unknown or invalid (the message names it).</exception>
    public static DropoutLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "dropout", RateKey);
        return new DropoutLayer(SettingsReader.RequiredDouble(settings, "dropout", RateKey));
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) => (input, []);

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
    }

    /// <inheritdoc />
    public override LayerState CreateState(int maxBatch) => new State(this, maxBatch);

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var n = batch * InputShape.Size;
        var x = input[..n];
        var y = output[..n];
        var mask = ((State)state).Mask.AsSpan(0, n);
        if (!mode.Training || Rate == 0)
        {
            mask.Fill(1f);
            x.CopyTo(y);
            return;
        }

        var scale = (float)(1.0 / (1.0 - Rate));
        var key = Mix(mode.Seed);
        for (var i = 0; i < n; i++)
        {
            var u = (Mix(key + Golden * (ulong)(i + 1)) >> 11) * (1.0 / (1UL << 53));
            var m = u >= Rate ? scale : 0f;
            mask[i] = m;
            y[i] = x[i] * m;
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var n = batch * InputShape.Size;
        System.Numerics.Tensors.TensorPrimitives.Multiply(outputGradient[..n], ((State)state).Mask.AsSpan(0, n), inputGradient[..n]);
    }

    /// <summary>SplitMix64's output function (Stafford's Mix13 variant).</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The per-value scale of the last forward pass.</summary>
    private sealed class State : LayerState
    {
        public State(DropoutLayer layer, int maxBatch)
            : base(layer, maxBatch) => Mask = new float[checked(maxBatch * layer.InputShape.Size)];

        public float[] Mask { get; }
    }
}
