using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Text;

namespace Vigil.Metrics;

/// <summary>
/// A set of metric families and scrape-time collectors, written in the Prometheus text exposition format 0.0.4.
/// Thread-safe: families are created once per name and updated lock-free.
/// </summary>
/// <remarks>
/// Families are written ordered by name (ordinal) and series ordered by label values, so scrapes are deterministic.
/// A family without series yet still writes its HELP and TYPE lines (promtool accepts that).
/// </remarks>
public sealed class MetricsRegistry
{
    /// <summary>The HTTP Content-Type of the exposition: <c>text/plain; version=0.0.4; charset=utf-8</c>.</summary>
    public const string ContentType = PrometheusTextFormat.ContentType;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    // Every family name and sample name (histograms add _bucket, _sum and _count) mapped to the family that owns it.
    private readonly ConcurrentDictionary<string, MetricFamily> _sampleNames = new(StringComparer.Ordinal);
    private MetricFamily[] _sorted = [];
    private IMetricsCollector[] _collectors = [];

    /// <summary>The registered families (not collector output), ordered by name.</summary>
    public ReadOnlyCollection<MetricFamily> Families => Array.AsReadOnly(Volatile.Read(ref _sorted));

    /// <summary>Creates the counter <paramref name="name"/> (ending with <c>_total</c>), or returns it when it exists with the same label names (the first help text is kept).</summary>
    /// <exception cref="ArgumentException">Invalid name, help or label names, or <paramref name="name"/> exists with another type or labels.</exception>
    public Counter CreateCounter(string name, string help, params string[] labelNames) =>
        GetOrAdd(MetricType.Counter, name, help, labelNames, null, static (n, h, l, _) => new Counter(n, h, l));

    /// <summary>Creates the gauge <paramref name="name"/>, or returns it when it exists with the same label names.</summary>
    /// <exception cref="ArgumentException">Invalid name, help or label names, or <paramref name="name"/> exists with another type or labels.</exception>
    public Gauge CreateGauge(string name, string help, params string[] labelNames) =>
        GetOrAdd(MetricType.Gauge, name, help, labelNames, null, static (n, h, l, _) => new Gauge(n, h, l));

    /// <summary>Creates the histogram <paramref name="name"/> with <see cref="Buckets.Default"/>, or returns it when it exists with the same labels and buckets.</summary>
    /// <exception cref="ArgumentException">Invalid name, help or label names, or <paramref name="name"/> exists with another type, labels or buckets.</exception>
    public Histogram CreateHistogram(string name, string help, params string[] labelNames) =>
        CreateHistogram(name, help, Buckets.Default, labelNames);

    /// <summary>Creates the histogram <paramref name="name"/> with bucket upper bounds <paramref name="buckets"/>, or returns it when it exists with the same labels and buckets.</summary>
    /// <exception cref="ArgumentException">
    /// Invalid name, help, label names or buckets (they must be finite and strictly increasing), or <paramref name="name"/> exists with
    /// another type, labels or buckets.
    /// </exception>
    public Histogram CreateHistogram(string name, string help, IReadOnlyList<double> buckets, params string[] labelNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bounds = Buckets.Validate(name, buckets);
        return GetOrAdd(MetricType.Histogram, name, help, labelNames, bounds, static (n, h, l, b) => new Histogram(n, h, l, b!));
    }

    /// <summary>Adds a collector whose families are emitted on every scrape.</summary>
    public void AddCollector(IMetricsCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        lock (_gate)
        {
            Volatile.Write(ref _collectors, [.. _collectors, collector]);
        }
    }

    /// <summary>Removes a collector added earlier; true when it was present.</summary>
    public bool RemoveCollector(IMetricsCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        lock (_gate)
        {
            var index = Array.IndexOf(_collectors, collector);
            if (index < 0)
            {
                return false;
            }

            Volatile.Write(ref _collectors, [.. _collectors[..index], .. _collectors[(index + 1)..]]);
            return true;
        }
    }

    /// <summary>Writes the exposition as UTF-8 to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidOperationException">A collector emitted a name that a registered family owns.</exception>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var registered = Volatile.Read(ref _sorted);
        var collectors = Volatile.Read(ref _collectors);
        var writer = new ExpositionWriter(output);
        if (collectors.Length == 0)
        {
            foreach (var family in registered)
            {
                family.Write(writer);
            }

            return;
        }

        var collected = Collect(collectors);
        // Merge two name-ordered lists; names are distinct across them (checked in Collect).
        int r = 0, c = 0;
        while (r < registered.Length || c < collected.Length)
        {
            var takeRegistered = c == collected.Length ||
                (r < registered.Length && string.CompareOrdinal(registered[r].Name, collected[c].Name) < 0);
            (takeRegistered ? registered[r++] : collected[c++]).Write(writer);
        }
    }

    /// <summary>Writes the exposition as UTF-8 to <paramref name="stream"/> in one write.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new PooledBufferWriter();
        WriteTo(buffer);
        stream.Write(buffer.WrittenMemory.Span);
    }

    /// <summary>Writes the exposition as UTF-8 to <paramref name="stream"/> asynchronously (the text is built in memory first).</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new PooledBufferWriter();
        WriteTo(buffer);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exposition as a string (for tests and diagnostics).</summary>
    public string ToText()
    {
        using var buffer = new PooledBufferWriter();
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
    }

    private CollectedFamily[] Collect(IMetricsCollector[] collectors)
    {
        var writer = new MetricsWriter();
        foreach (var collector in collectors)
        {
            collector.Collect(writer);
        }

        var collected = writer.Families.ToArray();
        foreach (var family in collected)
        {
            if (_sampleNames.TryGetValue(family.Name, out var owner))
            {
                throw new InvalidOperationException(
                    $"Metric '{family.Name}' emitted by a collector clashes with the registered {MetricNames.TypeKeyword(owner.Type)} '{owner.Name}'.");
            }
        }

        Array.Sort(collected, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return collected;
    }

    private T GetOrAdd<T>(
        MetricType type, string name, string help, string[] labelNames, double[]? bounds, Func<string, string, string[], double[]?, T> create)
        where T : MetricFamily
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        var owned = (string[])labelNames.Clone();
        MetricNames.Validate(type, name, help, owned);
        if (_families.TryGetValue(name, out var existing))
        {
            return Compatible<T>(existing, type, owned, bounds);
        }

        lock (_gate)
        {
            if (_families.TryGetValue(name, out existing))
            {
                return Compatible<T>(existing, type, owned, bounds);
            }

            var sampleNames = MetricNames.SampleNames(type, name);
            foreach (var taken in (string[])[name, .. sampleNames])
            {
                if (_sampleNames.TryGetValue(taken, out var owner))
                {
                    throw new ArgumentException(
                        $"Metric '{name}' clashes with the registered {MetricNames.TypeKeyword(owner.Type)} '{owner.Name}', which writes '{taken}'.",
                        nameof(name));
                }
            }

            var family = create(name, help, owned, bounds);
            _sampleNames[name] = family;
            foreach (var sampleName in sampleNames)
            {
                _sampleNames[sampleName] = family;
            }

            _families[name] = family;
            var at = 0;
            while (at < _sorted.Length && string.CompareOrdinal(_sorted[at].Name, name) < 0)
            {
                at++;
            }

            var sorted = new MetricFamily[_sorted.Length + 1];
            Array.Copy(_sorted, sorted, at);
            sorted[at] = family;
            Array.Copy(_sorted, at, sorted, at + 1, _sorted.Length - at);
            Volatile.Write(ref _sorted, sorted);
            return family;
        }
    }

    private static T Compatible<T>(MetricFamily existing, MetricType type, string[] labelNames, double[]? bounds)
        where T : MetricFamily
    {
        var sameLabels = existing.LabelNameArray.AsSpan().SequenceEqual(labelNames);
        var sameBuckets = existing is not Histogram histogram || bounds is null || histogram.Bounds.AsSpan().SequenceEqual(bounds);
        if (existing.Type != type || !sameLabels || !sameBuckets || existing is not T typed)
        {
            var wanted = $"{MetricNames.TypeKeyword(type)} with labels {MetricNames.Describe(labelNames)}" +
                (bounds is null ? string.Empty : $" and buckets {MetricNames.Describe(bounds)}");
            var has = $"{MetricNames.TypeKeyword(existing.Type)} with labels {MetricNames.Describe(existing.LabelNames)}" +
                (existing is Histogram h ? $" and buckets {MetricNames.Describe(h.UpperBounds)}" : string.Empty);
            throw new ArgumentException($"Metric '{existing.Name}' is already registered as a {has}; cannot register it as a {wanted}.", "name");
        }

        return typed;
    }
}
