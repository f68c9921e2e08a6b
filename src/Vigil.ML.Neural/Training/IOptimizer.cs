namespace Vigil.ML.Neural.Training;

/// <summary>Updates parameters in place from their (batch-mean) gradients.</summary>
/// <remarks>
/// An optimizer instance belongs to one training run: its state (momenta) is allocated on the first <see cref="Step"/> and tied to
/// those parameters; later steps must pass the same parameters in the same order and never allocate.
/// </remarks>
public interface IOptimizer
{
    /// <summary>A short stable name for reports, e.g. "adam".</summary>
    string Name { get; }

    /// <summary>The number of steps taken so far.</summary>
    long Steps { get; }

    /// <summary>Applies one update to <paramref name="parameters"/> with <paramref name="gradients"/> (one buffer per parameter, same lengths) at <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentException">The parameters differ from the first call's, or a gradient's length differs from its parameter's.</exception>
    void Step(IReadOnlyList<Parameter> parameters, IReadOnlyList<float[]> gradients, float learningRate);
}

/// <summary>The immutable, validated settings of an optimizer; <see cref="Create"/> makes a fresh optimizer for each training run.</summary>
public abstract record OptimizerOptions
{
    /// <summary>Creates a new optimizer with empty state.</summary>
    public abstract IOptimizer Create();

    internal static float Check(float value, string name, float min, float max, bool minInclusive, bool maxInclusive)
    {
        var low = minInclusive ? value >= min : value > min;
        var high = maxInclusive ? value <= max : value < max;
        if (!(low && high) || float.IsNaN(value))
        {
            var range = $"{(minInclusive ? "[" : "(")}{min}, {max}{(maxInclusive ? "]" : ")")}";
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in {range}.");
        }

        return value;
    }
}

/// <summary>Tracks the parameters an optimizer's state is tied to and checks every later call against them.</summary>
internal sealed class OptimizerBinding
{
    private Parameter[]? _parameters;

    /// <summary>Whether the first call has happened.</summary>
    public bool IsBound => _parameters is not null;

    /// <summary>Checks the arguments; returns true on the first call (the caller then allocates its state).</summary>
    public bool Bind(IReadOnlyList<Parameter> parameters, IReadOnlyList<float[]> gradients, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (!float.IsFinite(learningRate) || learningRate < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a non-negative finite number.");
        }

        if (gradients.Count != parameters.Count)
        {
            throw new ArgumentException($"{parameters.Count} parameters but {gradients.Count} gradient buffers.", nameof(gradients));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (gradients[i].Length != parameters[i].Length)
            {
                throw new ArgumentException($"Gradient {i} holds {gradients[i].Length} values; parameter {parameters[i].Name} holds {parameters[i].Length}.", nameof(gradients));
            }
        }

        if (_parameters is null)
        {
            var copy = new Parameter[parameters.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = parameters[i];
            }

            _parameters = copy;
            return true;
        }

        if (_parameters.Length != parameters.Count)
        {
            throw new ArgumentException($"This optimizer is tied to {_parameters.Length} parameters; got {parameters.Count}. Create a new optimizer per training run.", nameof(parameters));
        }

        for (var i = 0; i < _parameters.Length; i++)
        {
            if (!ReferenceEquals(_parameters[i], parameters[i]))
            {
                throw new ArgumentException($"Parameter {i} is not the one this optimizer is tied to. Create a new optimizer per training run.", nameof(parameters));
            }
        }

        return false;
    }

    /// <summary>One zeroed buffer per bound parameter.</summary>
    public float[][] ZeroBuffers()
    {
        var p = _parameters ?? throw new InvalidOperationException("Not bound.");
        var buffers = new float[p.Length][];
        for (var i = 0; i < p.Length; i++)
        {
            buffers[i] = new float[p[i].Length];
        }

        return buffers;
    }

    /// <summary>A scratch buffer as long as the largest bound parameter.</summary>
    public float[] Scratch()
    {
        var p = _parameters ?? throw new InvalidOperationException("Not bound.");
        var max = 0;
        foreach (var parameter in p)
        {
            max = Math.Max(max, parameter.Length);
        }

        return new float[max];
    }
}
