namespace Vigil.Metrics;

/// <summary>Emits metric families computed at scrape time (for example gauges read from the runtime).</summary>
/// <remarks>Collectors may be called concurrently by overlapping scrapes and must be thread-safe; an exception fails the scrape.</remarks>
public interface IMetricsCollector
{
    /// <summary>Writes this collector's families for one scrape.</summary>
    void Collect(MetricsWriter writer);
}
