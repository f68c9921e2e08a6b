namespace Vigil.ML.Neural.Layers;

/// <summary>Flattens a sequence into one step: (T, C) → (1, T·C); the data is already step-major, so forward and backward are copies.</summary>
public sealed class FlattenLayer : Layer
{
    /// <summary>Creates a flatten layer.</summary>
    public FlattenLayer()
    {
    }

    /// <inheritdoc />
    public override string Kind => "flatten";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> (none).</summary>
    /// <exception cref="ArgumentException">A setting is present (the message names it).</exception>
    public static FlattenLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "flatten");
        return new FlattenLayer();
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) =>
        (SequenceShape.Dense(input.Size), []);

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
    }

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var n = batch * InputShape.Size;
        input[..n].CopyTo(output[..n]);
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var n = batch * InputShape.Size;
        outputGradient[..n].CopyTo(inputGradient[..n]);
    }
}
