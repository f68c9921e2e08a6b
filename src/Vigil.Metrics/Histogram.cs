using System.Collections.ObjectModel;
using System.Text;

namespace Vigil.Metrics;

/// <summary>A histogram family: observations counted into fixed buckets, one bucket set per label value combination.</summary>
/// <remarks>
/// Bucket bounds are inclusive upper bounds (<c>le</c>): a value equal to a bound is counted in that bucket.
/// Output is cumulative with a final <c>+Inf</c> bucket, then <c>_sum</c> and <c>_count</c>; the count written always equals the
/// <c>+Inf</c> bucket. NaN observations land in the <c>+Inf</c> bucket and make the sum NaN, as in the Go client.
/// </remarks>
public sealed class Histogram : MetricFamily<HistogramChild>
{
    private readonly double[] _bounds;

    internal Histogram(string name, string help, string[] labelNames, double[] bounds)
        : base(name, help, MetricType.Histogram, labelNames)
    {
        _bounds = bounds;
        UpperBounds = Array.AsReadOnly(bounds);
        BucketName = name + "_bucket";
        SumName = name + "_sum";
        CountName = name + "_count";
        BoundPairs = new byte[bounds.Length + 1][];
        for (var i = 0; i <= bounds.Length; i++)
        {
            var le = i < bounds.Length ? PrometheusTextFormat.FormatValue(bounds[i]) : "+Inf";
            BoundPairs[i] = Encoding.ASCII.GetBytes($"le=\"{le}\"");
        }

        InitializeUnlabeled();
    }

    /// <summary>The finite, strictly increasing bucket upper bounds (the <c>+Inf</c> bucket is implicit).</summary>
    public ReadOnlyCollection<double> UpperBounds { get; }

    internal double[] Bounds => _bounds;

    internal string BucketName { get; }

    internal string SumName { get; }

    internal string CountName { get; }

    /// <summary>The pre-encoded <c>le="bound"</c> pairs, the last one <c>+Inf</c>.</summary>
    internal byte[][] BoundPairs { get; }

    /// <summary>Records one observation in an unlabelled histogram.</summary>
    /// <exception cref="InvalidOperationException">The histogram has labels.</exception>
    public void Observe(double value) => Unlabeled.Observe(value);

    /// <summary>Records a duration, in seconds, in an unlabelled histogram.</summary>
    /// <exception cref="InvalidOperationException">The histogram has labels.</exception>
    public void ObserveDuration(TimeSpan duration) => Unlabeled.Observe(duration.TotalSeconds);

    private protected override HistogramChild CreateChild(string[] labelValues) => new(this, labelValues);

    internal override void Write(ExpositionWriter writer)
    {
        writer.Write(Header);
        foreach (var child in SortedSnapshot())
        {
            child.Write(this, writer);
        }
    }
}

/// <summary>One histogram series; observations are lock-free (one interlocked bucket increment and a compare-and-swap on the sum).</summary>
public sealed class HistogramChild : MetricChild
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private readonly byte[] _bucketPrefix;
    private readonly byte[] _sumPrefix;
    private readonly byte[] _countPrefix;
    private double _sum;

    internal HistogramChild(Histogram family, string[] labelValues)
        : base(family, labelValues)
    {
        _bounds = family.Bounds;
        _counts = new long[_bounds.Length + 1];
        // name_bucket{a="x", — the le pair and closing brace follow per bucket.
        var bucketName = Encoding.UTF8.GetBytes(family.BucketName);
        _bucketPrefix = new byte[bucketName.Length + 1 + LabelPairs.Length + (LabelPairs.Length > 0 ? 1 : 0)];
        bucketName.CopyTo(_bucketPrefix, 0);
        _bucketPrefix[bucketName.Length] = (byte)'{';
        LabelPairs.CopyTo(_bucketPrefix, bucketName.Length + 1);
        if (LabelPairs.Length > 0)
        {
            _bucketPrefix[^1] = (byte)',';
        }

        _sumPrefix = PrometheusTextFormat.SamplePrefix(family.SumName, LabelPairs);
        _countPrefix = PrometheusTextFormat.SamplePrefix(family.CountName, LabelPairs);
    }

    /// <summary>The number of observations.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>The sum of all observations.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>Records one observation.</summary>
    public void Observe(double value)
    {
        Interlocked.Increment(ref _counts[BucketIndex(_bounds, value)]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>Records a duration, in seconds.</summary>
    public void ObserveDuration(TimeSpan duration) => Observe(duration.TotalSeconds);

    /// <summary>The cumulative count of each bucket, the last one being <c>+Inf</c>.</summary>
    public long[] GetCumulativeCounts()
    {
        var cumulative = new long[_counts.Length];
        long total = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            total += Volatile.Read(ref _counts[i]);
            cumulative[i] = total;
        }

        return cumulative;
    }

    /// <summary>The index of the first bucket whose inclusive upper bound holds <paramref name="value"/>; NaN and values above every bound map to <c>+Inf</c>.</summary>
    internal static int BucketIndex(double[] bounds, double value)
    {
        int lo = 0, hi = bounds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value <= bounds[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    internal void Write(Histogram family, ExpositionWriter writer)
    {
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += Volatile.Read(ref _counts[i]);
            writer.Write(_bucketPrefix);
            writer.Write(family.BoundPairs[i]);
            writer.Write("} "u8);
            writer.WriteCountLine(cumulative);
        }

        writer.Write(_sumPrefix);
        writer.WriteValueLine(Sum);
        writer.Write(_countPrefix);
        writer.WriteCountLine(cumulative);
    }
}
