namespace Vigil.ML.Neural.Training;

/// <summary>Batched inference: runs a network over any number of rows in chunks of the workspace's batch size.</summary>
public static class NetworkPredictor
{
    /// <summary>Writes the inference-mode outputs of <paramref name="rows"/> examples into <paramref name="outputs"/> ([rows × OutputShape.Size]) using <paramref name="workspace"/>, without allocating.</summary>
    /// <exception cref="ArgumentException">The spans are too short or the workspace belongs to another network.</exception>
    public static void Predict(this Network network, ReadOnlySpan<float> inputs, int rows, Span<float> outputs, NetworkWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var inSize = network.InputShape.Size;
        var outSize = network.OutputShape.Size;
        if (inputs.Length < (long)rows * inSize)
        {
            throw new ArgumentException($"{rows} rows need {(long)rows * inSize} input floats; got {inputs.Length}.", nameof(inputs));
        }

        if (outputs.Length < (long)rows * outSize)
        {
            throw new ArgumentException($"{rows} rows need {(long)rows * outSize} output floats; got {outputs.Length}.", nameof(outputs));
        }

        for (var start = 0; start < rows; start += workspace.MaxBatch)
        {
            var count = Math.Min(workspace.MaxBatch, rows - start);
            var output = network.Forward(workspace, inputs.Slice(start * inSize, count * inSize), count, ForwardMode.Inference);
            output.CopyTo(outputs.Slice(start * outSize, count * outSize));
        }
    }

    /// <summary>Returns the inference-mode outputs ([rows × OutputShape.Size]) of <paramref name="rows"/> examples, using a fresh workspace of <paramref name="maxBatch"/> rows.</summary>
    public static float[] Predict(this Network network, ReadOnlySpan<float> inputs, int rows, int maxBatch = 256)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var outputs = new float[(long)rows * network.OutputShape.Size];
        if (rows > 0)
        {
            network.Predict(inputs, rows, outputs, network.CreateWorkspace(Math.Min(Math.Max(1, maxBatch), rows)));
        }

        return outputs;
    }
}
