namespace Vigil.Metrics;

/// <summary>A counter family: monotonically increasing totals, one per label value combination.</summary>
public sealed class Counter : MetricFamily<CounterChild>
{
    internal Counter(string name, string help, string[] labelNames)
        : base(name, help, MetricType.Counter, labelNames) => InitializeUnlabeled();

    /// <summary>Adds <paramref name="increment"/> (default 1) to an unlabelled counter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The increment is negative or NaN.</exception>
    /// <exception cref="InvalidOperationException">The counter has labels.</exception>
    public void Inc(double increment = 1) => Unlabeled.Inc(increment);

    /// <summary>The current total of an unlabelled counter.</summary>
    /// <exception cref="InvalidOperationException">The counter has labels.</exception>
    public double Value => Unlabeled.Value;

    private protected override CounterChild CreateChild(string[] labelValues) => new(this, labelValues);

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

/// <summary>One counter series; thread-safe and lock-free.</summary>
public sealed class CounterChild : MetricChild
{
    private readonly string _metric;
    private double _value;

    internal CounterChild(Counter family, string[] labelValues)
        : base(family, labelValues)
    {
        _metric = family.Name;
        Prefix = PrometheusTextFormat.SamplePrefix(family.Name, LabelPairs);
    }

    /// <summary>The current total.</summary>
    public double Value => Volatile.Read(ref _value);

    internal byte[] Prefix { get; }

    /// <summary>Adds <paramref name="increment"/> (default 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The increment is negative or NaN.</exception>
    public void Inc(double increment = 1)
    {
        if (!(increment >= 0))
        {
            ThrowNegative(increment);
        }

        AtomicDouble.Add(ref _value, increment);
    }

    private void ThrowNegative(double increment) =>
        throw new ArgumentOutOfRangeException(nameof(increment), increment, $"Counter '{_metric}' can only increase; the increment must be >= 0.");
}
