namespace Vigil.ML.Neural;

/// <summary>A trainable float32 tensor owned by a layer; its gradient lives in each worker's <see cref="LayerState"/>, never here.</summary>
public sealed class Parameter
{
    /// <summary>Creates a zero-filled parameter of the given shape.</summary>
    /// <param name="name">A name unique within the layer, e.g. "weight" or "bias".</param>
    /// <param name="shape">The logical shape (row-major); its product is the value length.</param>
    /// <param name="decays">Whether weight decay (AdamW, L2) applies; false for biases and norms.</param>
    public Parameter(string name, int[] shape, bool decays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(shape);
        var length = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, 1, nameof(shape));
            length = checked(length * d);
        }

        Name = name;
        Shape = [.. shape];
        Decays = decays;
        Value = new float[length];
    }

    /// <summary>The name, unique within its layer.</summary>
    public string Name { get; }

    /// <summary>The logical shape, row-major.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Whether weight decay applies to this parameter.</summary>
    public bool Decays { get; }

    /// <summary>The values, contiguous row-major; optimizers update them in place.</summary>
    public float[] Value { get; }

    /// <summary>The number of values.</summary>
    public int Length => Value.Length;
}
