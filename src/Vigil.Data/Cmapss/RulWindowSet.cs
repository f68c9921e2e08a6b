namespace Vigil.Data.Cmapss;

/// <summary>Windows of sensor values cut from a C-MAPSS frame, stored flat as [windows × length × features].</summary>
public sealed class RulWindowSet
{
    /// <summary>Creates a window set; the arrays are owned by the set and must not be mutated afterwards.</summary>
    public RulWindowSet(float[] values, int length, int features, float[] targets, int[] unitIds, int[] endCycles)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(endCycles);
        var count = unitIds.Length;
        if (values.Length != count * length * features || endCycles.Length != count || (targets.Length != 0 && targets.Length != count))
        {
            throw new ArgumentException(
                $"Inconsistent window set: {values.Length} values for {count} windows × {length} × {features}, " +
                $"{endCycles.Length} end cycles, {targets.Length} targets.");
        }

        Values = values;
        Length = length;
        Features = features;
        Targets = targets;
        UnitIds = unitIds;
        EndCycles = endCycles;
    }

    /// <summary>The window values, row-major: window, then time step (oldest first), then feature.</summary>
    public float[] Values { get; }

    /// <summary>The number of windows.</summary>
    public int Count => UnitIds.Length;

    /// <summary>The number of time steps per window.</summary>
    public int Length { get; }

    /// <summary>The number of features per time step.</summary>
    public int Features { get; }

    /// <summary>The RUL at each window's last cycle, or empty when the frame had no <c>rul</c> column.</summary>
    public float[] Targets { get; }

    /// <summary>The unit each window comes from.</summary>
    public int[] UnitIds { get; }

    /// <summary>The cycle of each window's last (most recent) row.</summary>
    public int[] EndCycles { get; }

    /// <summary>The values of window <paramref name="index"/> as a span of length × features.</summary>
    public ReadOnlySpan<float> Window(int index) => Values.AsSpan(index * Length * Features, Length * Features);
}
