using Vigil.ML.Neural.Training;

namespace Vigil.ML.Neural.Models;

/// <summary>The inference core shared by the neural models: an input scaler and a network, with per-thread preallocated buffers so scoring one row never allocates.</summary>
public sealed class NeuralPredictor
{
    private readonly ThreadLocal<Scratch> _scratch;

    /// <summary>Wraps a trained network and its optional input scaler.</summary>
    public NeuralPredictor(Network network, ChannelScaler? scaler)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (scaler is not null && network.InputShape.Channels != scaler.Channels)
        {
            throw new ArgumentException($"The scaler has {scaler.Channels} channels; the network takes {network.InputShape.Channels}.", nameof(scaler));
        }

        Network = network;
        Scaler = scaler;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(network));
    }

    /// <summary>The trained network.</summary>
    public Network Network { get; }

    /// <summary>The input standardization, or null when inputs go in as they are.</summary>
    public ChannelScaler? Scaler { get; }

    /// <summary>Floats per input row.</summary>
    public int InputSize => Network.InputShape.Size;

    /// <summary>Floats per output row.</summary>
    public int OutputSize => Network.OutputShape.Size;

    /// <summary>Runs one row of doubles and writes the raw network outputs; no allocation after the thread's first call.</summary>
    public void Run(ReadOnlySpan<double> row, Span<float> outputs)
    {
        var s = _scratch.Value!;
        var input = s.Input.AsSpan(0, InputSize);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)row[i];
        }

        Finish(s, outputs);
    }

    /// <summary>Runs one row of floats (e.g. one [steps × channels] window) and writes the raw outputs; no allocation after the thread's first call.</summary>
    public void Run(ReadOnlySpan<float> row, Span<float> outputs)
    {
        var s = _scratch.Value!;
        row[..InputSize].CopyTo(s.Input);
        Finish(s, outputs);
    }

    /// <summary>Runs <paramref name="rows"/> rows of doubles (row-major) and writes the raw outputs ([rows × OutputSize]).</summary>
    /// <remarks>Rows run one at a time through the single-row path, so a row's score never depends on the batch it came in (matrix kernels for other row counts sum in another order).</remarks>
    public void Run(ReadOnlySpan<double> values, int rows, Span<float> outputs)
    {
        for (var r = 0; r < rows; r++)
        {
            Run(values.Slice(r * InputSize, InputSize), outputs.Slice(r * OutputSize, OutputSize));
        }
    }

    /// <summary>Runs <paramref name="rows"/> rows of floats (row-major) and writes the raw outputs ([rows × OutputSize]); each row runs alone, as in the double overload.</summary>
    public void Run(ReadOnlySpan<float> values, int rows, Span<float> outputs)
    {
        for (var r = 0; r < rows; r++)
        {
            Run(values.Slice(r * InputSize, InputSize), outputs.Slice(r * OutputSize, OutputSize));
        }
    }

    private void Finish(Scratch s, Span<float> outputs)
    {
        var input = s.Input.AsSpan();
        Scaler?.Transform(input, input);
        var result = Network.Forward(s.Workspace, input, 1, ForwardMode.Inference);
        result[..OutputSize].CopyTo(outputs);
    }

    /// <summary>Writes the network and scaler.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Scaler is not null);
        Scaler?.Write(writer);
        Persistence.NetworkCodec.Write(writer, Network);
    }

    /// <summary>Reads a predictor written by <see cref="Write"/>.</summary>
    public static NeuralPredictor Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scaler = reader.ReadBoolean() ? ChannelScaler.Read(reader) : null;
        var network = Persistence.NetworkCodec.Read(reader);
        return new NeuralPredictor(network, scaler);
    }

    private sealed class Scratch(Network network)
    {
        public float[] Input { get; } = new float[network.InputShape.Size];

        public NetworkWorkspace Workspace { get; } = network.CreateWorkspace(1);
    }
}
