namespace Vigil.ML.Neural;

/// <summary>The shape of one example between layers: <see cref="Steps"/> time steps of <see cref="Channels"/> values, stored step-major (dense data has one step).</summary>
public readonly record struct SequenceShape
{
    /// <summary>Creates a shape; both dimensions must be positive.</summary>
    public SequenceShape(int steps, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        (Steps, Channels) = (steps, channels);
    }

    /// <summary>The number of time steps (1 for dense data).</summary>
    public int Steps { get; }

    /// <summary>The number of values per step.</summary>
    public int Channels { get; }

    /// <summary>The number of floats one example occupies (<see cref="Steps"/> × <see cref="Channels"/>).</summary>
    public int Size => Steps * Channels;

    /// <summary>A dense (single-step) shape of <paramref name="features"/> values.</summary>
    public static SequenceShape Dense(int features) => new(1, features);

    /// <inheritdoc />
    public override string ToString() => $"({Steps}×{Channels})";
}
