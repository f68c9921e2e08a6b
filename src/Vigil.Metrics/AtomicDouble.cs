namespace Vigil.Metrics;

/// <summary>Lock-free updates of a <see cref="double"/> field through compare-and-swap.</summary>
internal static class AtomicDouble
{
    /// <summary>Adds <paramref name="value"/> to <paramref name="location"/> atomically.</summary>
    public static void Add(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var observed = Interlocked.CompareExchange(ref location, current + value, current);
            // Compare bits, not values: NaN != NaN would otherwise spin forever.
            if (BitConverter.DoubleToInt64Bits(observed) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = observed;
        }
    }
}
