namespace Vigil.Metrics;

/// <summary>
/// Receives the families that <see cref="IMetricsCollector"/>s emit during one scrape; the registry merges them with its registered
/// families and writes everything in name order.
/// </summary>
/// <remarks>Names, help texts and label names are validated like registered metrics; a name emitted twice in a scrape throws.</remarks>
public sealed class MetricsWriter
{
    private readonly Dictionary<string, CollectedFamily> _families = new(StringComparer.Ordinal);

    internal MetricsWriter()
    {
    }

    /// <summary>The families emitted so far, in emission order.</summary>
    internal IEnumerable<CollectedFamily> Families => _families.Values;

    /// <summary>Emits an unlabelled counter (name ending with <c>_total</c>) with its current total.</summary>
    public void Counter(string name, string help, double value) => CounterFamily(name, help).Sample(value);

    /// <summary>Emits an unlabelled gauge with its current value.</summary>
    public void Gauge(string name, string help, double value) => GaugeFamily(name, help).Sample(value);

    /// <summary>Starts a counter family with <paramref name="labelNames"/>; add series with <see cref="CollectedFamily.Sample"/>.</summary>
    public CollectedFamily CounterFamily(string name, string help, params string[] labelNames) =>
        Family(MetricType.Counter, name, help, labelNames);

    /// <summary>Starts a gauge family with <paramref name="labelNames"/>; add series with <see cref="CollectedFamily.Sample"/>.</summary>
    public CollectedFamily GaugeFamily(string name, string help, params string[] labelNames) =>
        Family(MetricType.Gauge, name, help, labelNames);

    private CollectedFamily Family(MetricType type, string name, string help, string[] labelNames)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        var owned = (string[])labelNames.Clone();
        MetricNames.Validate(type, name, help, owned);
        var family = new CollectedFamily(name, help, type, owned);
        if (!_families.TryAdd(name, family))
        {
            throw new ArgumentException($"Metric '{name}' was emitted twice in one scrape.", nameof(name));
        }

        return family;
    }
}

/// <summary>A counter or gauge family emitted by a collector for one scrape.</summary>
public sealed class CollectedFamily : MetricFamily
{
    private readonly Dictionary<string[], double> _samples = new(LabelValuesComparer.Instance);

    internal CollectedFamily(string name, string help, MetricType type, string[] labelNames)
        : base(name, help, type, labelNames)
    {
    }

    /// <summary>Adds the series with <paramref name="labelValues"/> (one per label name) and its value; returns this family.</summary>
    /// <exception cref="ArgumentException">Wrong number of values, or the same label values twice.</exception>
    public CollectedFamily Sample(double value, params ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != LabelNameArray.Length)
        {
            throw new ArgumentException(
                $"Metric '{Name}' has {LabelNameArray.Length} label(s) {MetricNames.Describe(LabelNames)} but {labelValues.Length} value(s) were given.",
                nameof(labelValues));
        }

        foreach (var label in labelValues)
        {
            if (label is null)
            {
                throw new ArgumentNullException(nameof(labelValues), $"Metric '{Name}' was given a null label value.");
            }
        }

        if (!_samples.TryAdd(labelValues.ToArray(), value))
        {
            throw new ArgumentException($"Metric '{Name}' was given the same label values twice.", nameof(labelValues));
        }

        return this;
    }

    internal override void Write(ExpositionWriter writer)
    {
        writer.Write(Header);
        var keys = _samples.Keys.ToArray();
        Array.Sort(keys, LabelValuesComparer.Instance);
        foreach (var key in keys)
        {
            writer.Write(PrometheusTextFormat.SamplePrefix(Name, PrometheusTextFormat.LabelPairs(LabelNameArray, key)));
            writer.WriteValueLine(_samples[key]);
        }
    }
}
