namespace Vigil.Metrics;

/// <summary>Ready-made and generated histogram bucket bounds (inclusive upper bounds, in the metric's unit, usually seconds).</summary>
public static class Buckets
{
    /// <summary>The Prometheus client default: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 (seconds).</summary>
    public static IReadOnlyList<double> Default { get; } =
        Array.AsReadOnly(new[] { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 });

    /// <summary>Serving latencies from 100 µs to 10 s in 1-2.5-5 steps: 0.0001, 0.00025, 0.0005, 0.001, …, 2.5, 5, 10 (seconds).</summary>
    public static IReadOnlyList<double> Latency { get; } =
        Array.AsReadOnly(new[]
        {
            0.0001, 0.00025, 0.0005,
            0.001, 0.0025, 0.005,
            0.01, 0.025, 0.05,
            0.1, 0.25, 0.5,
            1, 2.5, 5, 10,
        });

    /// <summary><paramref name="count"/> bounds starting at <paramref name="start"/>, each <paramref name="factor"/> times the previous.</summary>
    /// <exception cref="ArgumentOutOfRangeException">start ≤ 0, factor ≤ 1, count &lt; 1, or a bound overflows.</exception>
    public static double[] Exponential(double start, double factor, int count)
    {
        if (!(start > 0) || double.IsInfinity(start))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "start must be positive and finite.");
        }

        if (!(factor > 1) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be greater than 1 and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bounds = new double[count];
        var bound = start;
        for (var i = 0; i < count; i++)
        {
            bounds[i] = bound;
            bound *= factor;
        }

        ThrowIfNotFinite(bounds, nameof(count));
        return bounds;
    }

    /// <summary><paramref name="count"/> bounds <c>start + i·width</c> for i = 0 … count − 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">width ≤ 0, count &lt; 1, or a non-finite argument or bound.</exception>
    public static double[] Linear(double start, double width, int count)
    {
        if (!double.IsFinite(start))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "start must be finite.");
        }

        if (!(width > 0) || double.IsInfinity(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "width must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = start + (i * width);
        }

        ThrowIfNotFinite(bounds, nameof(count));
        return bounds;
    }

    /// <summary>Copies and checks bounds: non-empty, finite, strictly increasing; throws <see cref="ArgumentException"/> naming the metric.</summary>
    internal static double[] Validate(string metric, IReadOnlyList<double> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Count == 0)
        {
            throw new ArgumentException($"Histogram '{metric}' needs at least one bucket bound.", nameof(bounds));
        }

        var copy = new double[bounds.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = bounds[i];
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException(
                    $"Histogram '{metric}' has a non-finite bucket bound {copy[i]}; the +Inf bucket is implicit.", nameof(bounds));
            }

            if (i > 0 && !(copy[i] > copy[i - 1]))
            {
                throw new ArgumentException(
                    $"Histogram '{metric}' bucket bounds must be strictly increasing: {MetricNames.Describe(bounds)}.", nameof(bounds));
            }
        }

        return copy;
    }

    private static void ThrowIfNotFinite(double[] bounds, string parameter)
    {
        if (!double.IsFinite(bounds[^1]))
        {
            throw new ArgumentOutOfRangeException(parameter, "The last bucket bound overflows to infinity.");
        }
    }
}
