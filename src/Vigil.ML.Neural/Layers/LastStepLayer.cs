namespace Vigil.ML.Neural.Layers;

/// <summary>Keeps only the last step of a sequence: (T, C) → (1, C); the gradient flows to that step alone (the others get zero).</summary>
public sealed class LastStepLayer : Layer
{
    /// <summary>Creates a last-step layer.</summary>
    public LastStepLayer()
    {
    }

    /// <inheritdoc />
    public override string Kind => "laststep";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> (none).</summary>
    /// <exception cref="ArgumentException">A setting is present (the message names it).</exception>
    public static LastStepLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "laststep");
        return new LastStepLayer();
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) =>
        (SequenceShape.Dense(input.Channels), []);

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
    }

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var c = InputShape.Channels;
        var size = InputShape.Size;
        for (var b = 0; b < batch; b++)
        {
            input.Slice(b * size + size - c, c).CopyTo(output.Slice(b * c, c));
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var c = InputShape.Channels;
        var size = InputShape.Size;
        inputGradient[..(batch * size)].Clear();
        for (var b = 0; b < batch; b++)
        {
            outputGradient.Slice(b * c, c).CopyTo(inputGradient.Slice(b * size + size - c, c));
        }
    }
}
