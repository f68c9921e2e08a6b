using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Vigil.Metrics;

/// <summary>A named metric family: its help text, type and label names, and the samples it writes at scrape time.</summary>
public abstract class MetricFamily
{
    private readonly string[] _labelNames;

    private protected MetricFamily(string name, string help, MetricType type, string[] labelNames)
    {
        Name = name;
        Help = help;
        Type = type;
        _labelNames = labelNames;
        LabelNames = Array.AsReadOnly(labelNames);
        Header = PrometheusTextFormat.Header(name, help, type);
    }

    /// <summary>The metric name (a counter's ends with <c>_total</c>).</summary>
    public string Name { get; }

    /// <summary>The HELP text, unescaped.</summary>
    public string Help { get; }

    /// <summary>The metric type.</summary>
    public MetricType Type { get; }

    /// <summary>The label names fixed at creation, in declaration (and output) order.</summary>
    public ReadOnlyCollection<string> LabelNames { get; }

    /// <summary>The label names as an array the family owns; never handed out.</summary>
    internal string[] LabelNameArray => _labelNames;

    /// <summary>The pre-encoded HELP and TYPE lines.</summary>
    internal byte[] Header { get; }

    /// <summary>Writes the HELP and TYPE lines and every sample, children ordered by label values.</summary>
    internal abstract void Write(ExpositionWriter writer);
}

/// <summary>A metric family whose series are children keyed by their label values.</summary>
/// <typeparam name="TChild">The child (one labelled series) type.</typeparam>
public abstract class MetricFamily<TChild> : MetricFamily
    where TChild : MetricChild
{
    private readonly ConcurrentDictionary<string[], TChild> _children;
    private readonly ConcurrentDictionary<string[], TChild>.AlternateLookup<ReadOnlySpan<string>> _lookup;
    private TChild? _unlabeled;
    private int _version;
    private SortedChildren? _sorted;

    private protected MetricFamily(string name, string help, MetricType type, string[] labelNames)
        : base(name, help, type, labelNames)
    {
        _children = new ConcurrentDictionary<string[], TChild>(LabelValuesComparer.Instance);
        _lookup = _children.GetAlternateLookup<ReadOnlySpan<string>>();
    }

    /// <summary>The number of children (label value combinations) currently exported.</summary>
    public int ChildCount => _children.Count;

    /// <summary>
    /// The child for <paramref name="labelValues"/> (one per declared label name, in order), created on first use and cached;
    /// a lookup of an existing child does not allocate.
    /// </summary>
    /// <exception cref="ArgumentException">The number of values differs from the number of label names.</exception>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    public TChild WithLabels(params ReadOnlySpan<string> labelValues) =>
        _lookup.TryGetValue(labelValues, out var child) ? child : AddChild(labelValues);

    /// <summary>Stops exporting the child for <paramref name="labelValues"/>; true when it existed. Callers holding it keep a detached series.</summary>
    /// <exception cref="InvalidOperationException">The family has no labels.</exception>
    public bool RemoveLabels(params ReadOnlySpan<string> labelValues)
    {
        if (LabelNameArray.Length == 0)
        {
            throw new InvalidOperationException($"Metric '{Name}' has no labels; its only series cannot be removed.");
        }

        if (!_lookup.TryRemove(labelValues, out _, out _))
        {
            return false;
        }

        Interlocked.Increment(ref _version);
        return true;
    }

    /// <summary>The series of an unlabelled family, used by the shortcut members.</summary>
    private protected TChild Unlabeled => _unlabeled ?? throw new InvalidOperationException(
        $"Metric '{Name}' has labels {MetricNames.Describe(LabelNames)}; use WithLabels(...) to pick a series.");

    /// <summary>Creates one child; called once per new label value combination (values already validated and owned).</summary>
    private protected abstract TChild CreateChild(string[] labelValues);

    /// <summary>Creates the single series of an unlabelled family; derived constructors call this last.</summary>
    private protected void InitializeUnlabeled()
    {
        if (LabelNameArray.Length == 0)
        {
            _unlabeled = AddChild([]);
        }
    }

    /// <summary>The children ordered by label values (ordinal), cached until a child is added or removed.</summary>
    private protected TChild[] SortedSnapshot()
    {
        var version = Volatile.Read(ref _version);
        var cached = Volatile.Read(ref _sorted);
        if (cached is not null && cached.Version == version)
        {
            return cached.Children;
        }

        var pairs = _children.ToArray();
        var children = new TChild[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            children[i] = pairs[i].Value;
        }

        Array.Sort(children, static (a, b) => LabelValuesComparer.Instance.Compare(a.Key, b.Key));
        Volatile.Write(ref _sorted, new SortedChildren(version, children));
        return children;
    }

    private TChild AddChild(ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != LabelNameArray.Length)
        {
            throw new ArgumentException(
                $"Metric '{Name}' has {LabelNameArray.Length} label(s) {MetricNames.Describe(LabelNames)} but {labelValues.Length} value(s) were given.",
                nameof(labelValues));
        }

        foreach (var value in labelValues)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(labelValues), $"Metric '{Name}' was given a null label value.");
            }
        }

        var key = labelValues.ToArray();
        var created = CreateChild(key);
        var actual = _children.GetOrAdd(key, created);
        if (ReferenceEquals(actual, created))
        {
            Interlocked.Increment(ref _version);
        }

        return actual;
    }

    private sealed record SortedChildren(int Version, TChild[] Children);
}

/// <summary>One series of a metric family: a fixed combination of label values.</summary>
public abstract class MetricChild
{
    private protected MetricChild(MetricFamily family, string[] labelValues)
    {
        Key = labelValues;
        LabelValues = Array.AsReadOnly(labelValues);
        LabelPairs = PrometheusTextFormat.LabelPairs(family.LabelNameArray, labelValues);
    }

    /// <summary>The label values, in the family's label name order.</summary>
    public ReadOnlyCollection<string> LabelValues { get; }

    /// <summary>The owned label values (the dictionary key).</summary>
    internal string[] Key { get; }

    /// <summary>The pre-encoded <c>a="x",b="y"</c> label pairs (empty without labels).</summary>
    internal byte[] LabelPairs { get; }
}
