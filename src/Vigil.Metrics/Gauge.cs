namespace Vigil.Metrics;

/// <summary>A gauge family: values that go up and down, one per label value combination.</summary>
public sealed class Gauge : MetricFamily<GaugeChild>
{
    internal Gauge(string name, string help, string[] labelNames)
        : base(name, help, MetricType.Gauge, labelNames) => InitializeUnlabeled();

    /// <summary>Sets an unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has labels.</exception>
    public void Set(double value) => Unlabeled.Set(value);

    /// <summary>Adds <paramref name="amount"/> (default 1) to an unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has labels.</exception>
    public void Inc(double amount = 1) => Unlabeled.Add(amount);

    /// <summary>Subtracts <paramref name="amount"/> (default 1) from an unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has labels.</exception>
    public void Dec(double amount = 1) => Unlabeled.Add(-amount);

    /// <summary>Adds <paramref name="amount"/> (may be negative) to an unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has labels.</exception>
    public void Add(double amount) => Unlabeled.Add(amount);

    /// <summary>The current value of an unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has labels.</exception>
    public double Value => Unlabeled.Value;

    private protected override GaugeChild CreateChild(string[] labelValues) => new(this, labelValues);

    internal override void Write(ExpositionWriter writer)
    {
        writer.Write(Header);
        foreach (var child in SortedSnapshot())
        {
            writer.Write(child.Prefix);
            writer.WriteValueLine(child.Value);
        }
    }
}

/// <summary>One gauge series; thread-safe and lock-free.</summary>
public sealed class GaugeChild : MetricChild
{
    private double _value;

    internal GaugeChild(Gauge family, string[] labelValues)
        : base(family, labelValues) => Prefix = PrometheusTextFormat.SamplePrefix(family.Name, LabelPairs);

    /// <summary>The current value.</summary>
    public double Value => Volatile.Read(ref _value);

    internal byte[] Prefix { get; }

    /// <summary>Sets the value.</summary>
    public void Set(double value) => Interlocked.Exchange(ref _value, value);

    /// <summary>Adds <paramref name="amount"/> (default 1).</summary>
    public void Inc(double amount = 1) => AtomicDouble.Add(ref _value, amount);

    /// <summary>Subtracts <paramref name="amount"/> (default 1).</summary>
    public void Dec(double amount = 1) => AtomicDouble.Add(ref _value, -amount);

    /// <summary>Adds <paramref name="amount"/>, which may be negative.</summary>
    public void Add(double amount) => AtomicDouble.Add(ref _value, amount);
}
