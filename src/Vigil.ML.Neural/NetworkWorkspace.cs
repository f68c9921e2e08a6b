namespace Vigil.ML.Neural;

/// <summary>One worker's preallocated buffers for a <see cref="Network"/>: every layer's output and input gradient and its <see cref="LayerState"/>.</summary>
public sealed class NetworkWorkspace
{
    internal NetworkWorkspace(Network network, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        Network = network;
        MaxBatch = maxBatch;
        States = [.. network.Layers.Select(l => l.CreateState(maxBatch))];
        Activations = [.. network.Layers.Select(l => new float[maxBatch * l.OutputShape.Size])];
        Gradients = [.. network.Layers.Select(l => new float[maxBatch * l.OutputShape.Size])];
    }

    /// <summary>The network these buffers belong to.</summary>
    public Network Network { get; }

    /// <summary>The largest batch the buffers hold.</summary>
    public int MaxBatch { get; }

    /// <summary>Each layer's state (caches and parameter gradients).</summary>
    public IReadOnlyList<LayerState> States { get; }

    /// <summary>Each layer's output buffer.</summary>
    internal float[][] Activations { get; }

    /// <summary>dLoss/d(output of layer i), written by layer i + 1's backward pass.</summary>
    internal float[][] Gradients { get; }

    /// <summary>Zeroes every parameter gradient.</summary>
    public void ZeroGradients()
    {
        foreach (var s in States)
        {
            s.ZeroGradients();
        }
    }

    /// <summary>The gradient buffers of every parameter in <see cref="Network.Parameters"/> order.</summary>
    public IEnumerable<float[]> ParameterGradients() => States.SelectMany(s => s.Gradients);
}
