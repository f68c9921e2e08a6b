namespace Vigil.ML.Neural;

/// <summary>A network layer with a hand-written backward pass: it owns its parameters (shared by all workers) and keeps per-worker caches in a <see cref="LayerState"/>.</summary>
/// <remarks>
/// Data is a batch of examples, each <see cref="InputShape"/> floats stored step-major ([batch, steps, channels], row-major).
/// A layer is built once for an input shape (<see cref="Build"/>), initialized with a seeded random source, then used by any
/// number of workers concurrently: forward and backward only read parameters and write into the worker's state and spans.
/// </remarks>
public abstract class Layer
{
    private Parameter[] _parameters = [];
    private SequenceShape? _input;
    private SequenceShape? _output;

    /// <summary>The stable kind recorded in model files, e.g. "dense" or "lstm".</summary>
    public abstract string Kind { get; }

    /// <summary>The per-example input shape; set by <see cref="Build"/>.</summary>
    public SequenceShape InputShape => _input ?? throw new InvalidOperationException($"The {Kind} layer is not built.");

    /// <summary>The per-example output shape; set by <see cref="Build"/>.</summary>
    public SequenceShape OutputShape => _output ?? throw new InvalidOperationException($"The {Kind} layer is not built.");

    /// <summary>Whether <see cref="Build"/> has run.</summary>
    public bool IsBuilt => _input is not null;

    /// <summary>The trainable parameters, in a fixed order (empty for parameter-free layers).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Fixes the input shape, creates the parameters and returns the output shape; a layer is built exactly once.</summary>
    /// <exception cref="ArgumentException">The layer cannot take <paramref name="input"/> (the message names the layer and the shape).</exception>
    public SequenceShape Build(SequenceShape input)
    {
        if (_input is not null)
        {
            throw new InvalidOperationException($"The {Kind} layer is already built for {_input}.");
        }

        var (output, parameters) = OnBuild(input);
        _parameters = [.. parameters];
        _input = input;
        _output = output;
        return output;
    }

    /// <summary>Validates the input shape and returns the output shape and the (zero-filled) parameters.</summary>
    protected abstract (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input);

    /// <summary>Fills the parameters with their initial values (e.g. Glorot/He/orthogonal) drawn from <paramref name="random"/>.</summary>
    public abstract void Initialize(Random random);

    /// <summary>Creates one worker's scratch for batches of up to <paramref name="maxBatch"/> examples.</summary>
    public virtual LayerState CreateState(int maxBatch) => new(this, maxBatch);

    /// <summary>Computes <paramref name="output"/> ([batch × OutputShape.Size]) from <paramref name="input"/> ([batch × InputShape.Size]) without allocating; in training mode it caches what <see cref="Backward"/> needs in <paramref name="state"/>.</summary>
    public abstract void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode);

    /// <summary>
    /// Given the forward pass's input and output and dLoss/dOutput, ADDS dLoss/dParameters into <paramref name="state"/>'s gradients and
    /// WRITES dLoss/dInput into <paramref name="inputGradient"/> (skipped when it is empty, e.g. for the first layer). Never allocates.
    /// Must follow a training-mode <see cref="Forward"/> on the same state and batch.
    /// </summary>
    public abstract void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch);

    /// <summary>The layer's hyper-parameters (not weights) for model files and reports, e.g. {"units": 64}.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <inheritdoc />
    public override string ToString() => IsBuilt ? $"{Kind} {InputShape}→{OutputShape}" : Kind;
}
