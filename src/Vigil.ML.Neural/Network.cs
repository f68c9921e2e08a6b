namespace Vigil.ML.Neural;

/// <summary>A feed-forward stack of built, initialized layers from an input shape to an output shape; immutable in structure, its parameters change only through an optimizer.</summary>
public sealed class Network
{
    private readonly Layer[] _layers;
    private readonly Parameter[] _parameters;

    private Network(SequenceShape input, Layer[] layers)
    {
        InputShape = input;
        _layers = layers;
        _parameters = [.. layers.SelectMany(l => l.Parameters)];
        OutputShape = layers.Length == 0 ? input : layers[^1].OutputShape;
    }

    /// <summary>Builds <paramref name="layers"/> (unbuilt) in order for <paramref name="input"/> and initializes them from one seeded random source.</summary>
    /// <exception cref="ArgumentException">A layer cannot take the shape its predecessor produces.</exception>
    public static Network Create(SequenceShape input, IEnumerable<Layer> layers, int seed)
    {
        var network = Assemble(input, layers);
        var random = new Random(seed);
        foreach (var layer in network._layers)
        {
            layer.Initialize(random);
        }

        return network;
    }

    /// <summary>Builds <paramref name="layers"/> (unbuilt) in order for <paramref name="input"/> without initializing them (the caller loads the values, e.g. from a model file).</summary>
    public static Network Assemble(SequenceShape input, IEnumerable<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var list = layers.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        var shape = input;
        for (var i = 0; i < list.Length; i++)
        {
            try
            {
                shape = list[i].Build(shape);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Layer {i} ({list[i].Kind}) cannot take input {shape}: {e.Message}", nameof(layers), e);
            }
        }

        return new Network(input, list);
    }

    /// <summary>The per-example input shape.</summary>
    public SequenceShape InputShape { get; }

    /// <summary>The per-example output shape.</summary>
    public SequenceShape OutputShape { get; }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Every trainable parameter, layer by layer, in a fixed order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The total number of trainable values.</summary>
    public long ParameterCount => _parameters.Sum(p => (long)p.Length);

    /// <summary>Creates one worker's buffers (activations, gradients, caches) for batches of up to <paramref name="maxBatch"/>.</summary>
    public NetworkWorkspace CreateWorkspace(int maxBatch) => new(this, maxBatch);

    /// <summary>Runs every layer on <paramref name="input"/> ([batch × InputShape.Size]) and returns the output ([batch × OutputShape.Size]), a view into the workspace valid until its next use.</summary>
    public ReadOnlySpan<float> Forward(NetworkWorkspace workspace, ReadOnlySpan<float> input, int batch, ForwardMode mode)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Network, this))
        {
            throw new ArgumentException("The workspace belongs to another network.", nameof(workspace));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, workspace.MaxBatch);
        if (input.Length < batch * InputShape.Size)
        {
            throw new ArgumentException($"The input holds {input.Length} floats; a batch of {batch} needs {batch * InputShape.Size}.", nameof(input));
        }

        var current = input[..(batch * InputShape.Size)];
        for (var i = 0; i < _layers.Length; i++)
        {
            var output = workspace.Activations[i].AsSpan(0, batch * _layers[i].OutputShape.Size);
            _layers[i].Forward(workspace.States[i], current, output, batch, mode);
            current = output;
        }

        return current;
    }

    /// <summary>Back-propagates dLoss/dOutput through every layer after a training-mode <see cref="Forward"/> on the same workspace, adding parameter gradients into the workspace.</summary>
    public void Backward(NetworkWorkspace workspace, ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, int batch)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var upstream = outputGradient[..(batch * OutputShape.Size)];
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var layerInput = i == 0 ? input[..(batch * InputShape.Size)] : (ReadOnlySpan<float>)workspace.Activations[i - 1].AsSpan(0, batch * _layers[i].InputShape.Size);
            var layerOutput = workspace.Activations[i].AsSpan(0, batch * _layers[i].OutputShape.Size);
            var inputGradient = i == 0 ? Span<float>.Empty : workspace.Gradients[i - 1].AsSpan(0, batch * _layers[i].InputShape.Size);
            _layers[i].Backward(workspace.States[i], layerInput, layerOutput, upstream, inputGradient, batch);
            upstream = inputGradient;
        }
    }
}
