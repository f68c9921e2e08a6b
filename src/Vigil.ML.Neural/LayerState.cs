namespace Vigil.ML.Neural;

/// <summary>One worker's scratch for one layer: parameter gradients (accumulated by backward passes) plus whatever the layer caches between forward and backward.</summary>
/// <remarks>Layers subclass it to add their caches, all sized for <see cref="MaxBatch"/> at creation so a training step never allocates.</remarks>
public class LayerState
{
    /// <summary>Allocates one zeroed gradient buffer per parameter of <paramref name="layer"/>.</summary>
    public LayerState(Layer layer, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        MaxBatch = maxBatch;
        Gradients = [.. layer.Parameters.Select(p => new float[p.Length])];
    }

    /// <summary>The largest batch this state can hold.</summary>
    public int MaxBatch { get; }

    /// <summary>One gradient buffer per parameter, in the order of <see cref="Layer.Parameters"/>; backward passes add into them.</summary>
    public float[][] Gradients { get; }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (var g in Gradients)
        {
            Array.Clear(g);
        }
    }
}
