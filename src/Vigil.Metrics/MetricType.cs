namespace Vigil.Metrics;

/// <summary>The Prometheus metric types this registry exposes.</summary>
public enum MetricType
{
    /// <summary>A monotonically increasing total; its name ends with <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that can go up and down.</summary>
    Gauge,

    /// <summary>Observations counted into cumulative buckets, with a sum and a count.</summary>
    Histogram,
}
