namespace Vigil.ML.Neural.Layers;

/// <summary>1-D max pooling over steps, per channel: (T, C) → (⌊(T − poolSize) / stride⌋ + 1, C), valid padding.</summary>
/// <remarks>
/// Max pooling as in Zhou &amp; Chellappa 1988 / LeCun et al. 1998 (subsampling) and Ranzato et al. 2007. The forward pass records the input step
/// of each maximum (the first one on ties); the backward pass routes each output gradient to that step, adding where windows overlap.
/// </remarks>
public sealed class MaxPool1DLayer : Layer
{
    /// <summary>The settings key of <see cref="PoolSize"/>.</summary>
    public const string PoolSizeKey = "poolSize";

    /// <summary>The settings key of <see cref="Stride"/>.</summary>
    public const string StrideKey = "stride";

    /// <summary>Creates a max-pooling layer; <paramref name="stride"/> defaults to <paramref name="poolSize"/> (non-overlapping windows).</summary>
    /// <exception cref="ArgumentException"><paramref name="poolSize"/> or <paramref name="stride"/> is not positive.</exception>
    public MaxPool1DLayer(int poolSize, int? stride = null)
    {
        if (poolSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, "'poolSize' must be at least 1.");
        }

        var s = stride ?? poolSize;
        if (s < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), s, "'stride' must be at least 1.");
        }

        PoolSize = poolSize;
        Stride = s;
    }

    /// <summary>The number of steps per window.</summary>
    public int PoolSize { get; }

    /// <summary>The step between consecutive windows.</summary>
    public int Stride { get; }

    /// <inheritdoc />
    public override string Kind => "maxpool1d";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [PoolSizeKey] = SettingsReader.Format(PoolSize),
        [StrideKey] = SettingsReader.Format(Stride),
    };

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("poolSize" required, "stride" defaults to poolSize).</summary>
    /// <exception cref="ArgumentException">A setting is missing, unknown or invalid (the message names it).</exception>
    public static MaxPool1DLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "maxpool1d", PoolSizeKey, StrideKey);
        var pool = SettingsReader.RequiredInt(settings, "maxpool1d", PoolSizeKey);
        return new MaxPool1DLayer(pool, SettingsReader.OptionalInt(settings, "maxpool1d", StrideKey, pool));
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input)
    {
        if (input.Steps < PoolSize)
        {
            throw new ArgumentException($"A maxpool1d layer with poolSize {PoolSize} needs at least {PoolSize} steps; the input {input} has only {input.Steps}.", nameof(input));
        }

        return (new SequenceShape((input.Steps - PoolSize) / Stride + 1, input.Channels), []);
    }

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
    }

    /// <inheritdoc />
    public override LayerState CreateState(int maxBatch) => new State(this, maxBatch);

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var s = (State)state;
        var channels = InputShape.Channels;
        var inSteps = InputShape.Steps;
        var outSteps = OutputShape.Steps;
        var x = input[..(batch * InputShape.Size)];
        var y = output[..(batch * OutputShape.Size)];
        var argMax = s.ArgMax.AsSpan(0, y.Length);
        for (var b = 0; b < batch; b++)
        {
            var example = x.Slice(b * inSteps * channels, inSteps * channels);
            for (var t = 0; t < outSteps; t++)
            {
                var start = t * Stride;
                var o = (b * outSteps + t) * channels;
                for (var c = 0; c < channels; c++)
                {
                    var best = example[start * channels + c];
                    var bestStep = start;
                    for (var p = 1; p < PoolSize; p++)
                    {
                        var v = example[(start + p) * channels + c];
                        if (v > best)
                        {
                            best = v;
                            bestStep = start + p;
                        }
                    }

                    y[o + c] = best;
                    argMax[o + c] = bestStep;
                }
            }
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var s = (State)state;
        var channels = InputShape.Channels;
        var inSize = InputShape.Size;
        var outSteps = OutputShape.Steps;
        var dy = outputGradient[..(batch * OutputShape.Size)];
        var dx = inputGradient[..(batch * inSize)];
        var argMax = s.ArgMax.AsSpan(0, dy.Length);
        dx.Clear();
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < outSteps; t++)
            {
                var o = (b * outSteps + t) * channels;
                for (var c = 0; c < channels; c++)
                {
                    dx[b * inSize + argMax[o + c] * channels + c] += dy[o + c];
                }
            }
        }
    }

    /// <summary>The input step of each output maximum.</summary>
    private sealed class State : LayerState
    {
        public State(MaxPool1DLayer layer, int maxBatch)
            : base(layer, maxBatch) => ArgMax = new int[checked(maxBatch * layer.OutputShape.Size)];

        public int[] ArgMax { get; }
    }
}
