using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class HistogramTests
{
    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1.0, 0)]
    [InlineData(1.0000001, 1)]
    [InlineData(2.0, 1)]
    [InlineData(3.0, 2)]
    [InlineData(3.5, 3)]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(double.PositiveInfinity, 3)]
    [InlineData(double.NaN, 3)]
    public void Observe_ValueLandsInFirstBucketWhoseBoundHoldsIt(double value, int bucket)
    {
        var histogram = new MetricsRegistry().CreateHistogram("h", "H.", [1, 2, 3]);
        histogram.Observe(value);

        var child = histogram.WithLabels();
        var cumulative = child.GetCumulativeCounts();
        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i].ShouldBe(i >= bucket ? 1 : 0, $"bucket {i}");
        }

        child.Count.ShouldBe(1);
    }

    [Fact]
    public void Observe_ValueEqualToBound_IsCountedInThatBucketsOutput()
    {
        var registry = new MetricsRegistry();
        registry.CreateHistogram("h", "H.", [0.1, 0.2, 0.3]).Observe(0.2);

        var text = registry.ToText();

        Exposition.Value(text, "h_bucket{le=\"0.1\"}").ShouldBe(0);
        Exposition.Value(text, "h_bucket{le=\"0.2\"}").ShouldBe(1);
        Exposition.Value(text, "h_bucket{le=\"0.3\"}").ShouldBe(1);
        Exposition.Value(text, "h_bucket{le=\"+Inf\"}").ShouldBe(1);
    }

    [Fact]
    public void Observe_NaN_MakesSumNaNAndCountsInInf()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.CreateHistogram("h", "H.", [1]);
        histogram.Observe(0.5);
        histogram.Observe(double.NaN);

        var text = registry.ToText();

        text.ShouldContain("h_sum NaN\n");
        Exposition.Value(text, "h_bucket{le=\"+Inf\"}").ShouldBe(2);
        Exposition.Value(text, "h_count").ShouldBe(2);
    }

    [Fact]
    public void ObserveDuration_RecordsSeconds()
    {
        var histogram = new MetricsRegistry().CreateHistogram("op_seconds", "Op.", Buckets.Latency, "op");
        var child = histogram.WithLabels("score");
        child.ObserveDuration(TimeSpan.FromMilliseconds(250));

        child.Sum.ShouldBe(0.25);
        child.GetCumulativeCounts()[Buckets.Latency.ToList().IndexOf(0.25)].ShouldBe(1);
    }

    [Fact]
    public void Output_IsCumulativeWithSumAndCount()
    {
        var registry = new MetricsRegistry();
        var child = registry.CreateHistogram("h", "H.", [1, 2, 4], "k").WithLabels("x");
        foreach (var value in new[] { 0.5, 1.5, 1.5, 3, 3, 3, 10 })
        {
            child.Observe(value);
        }

        var text = registry.ToText();

        Exposition.Value(text, "h_bucket{k=\"x\",le=\"1\"}").ShouldBe(1);
        Exposition.Value(text, "h_bucket{k=\"x\",le=\"2\"}").ShouldBe(3);
        Exposition.Value(text, "h_bucket{k=\"x\",le=\"4\"}").ShouldBe(6);
        Exposition.Value(text, "h_bucket{k=\"x\",le=\"+Inf\"}").ShouldBe(7);
        Exposition.Value(text, "h_sum{k=\"x\"}").ShouldBe(22.5);
        Exposition.Value(text, "h_count{k=\"x\"}").ShouldBe(7);
    }

    [Fact]
    public async Task Observe_ConcurrentTasks_ExactCountsAndSum()
    {
        var histogram = new MetricsRegistry().CreateHistogram("h", "H.", [0.5, 1], "k");
        const int Tasks = 8;
        const int PerTask = 20_000;

        var work = Enumerable.Range(0, Tasks).Select(_ => Task.Run(() =>
        {
            var child = histogram.WithLabels("shared");
            for (var i = 0; i < PerTask; i++)
            {
                child.Observe((i % 4) * 0.5); // 0, 0.5, 1, 1.5: sums stay exact in binary
            }
        }));
        await Task.WhenAll(work);

        var shared = histogram.WithLabels("shared");
        shared.Count.ShouldBe(Tasks * PerTask);
        shared.Sum.ShouldBe(Tasks * PerTask / 4 * 3.0);
        shared.GetCumulativeCounts().ShouldBe([Tasks * PerTask / 2, Tasks * PerTask * 3 / 4, Tasks * PerTask]);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { 1.0, double.PositiveInfinity })]
    [InlineData(new[] { double.NaN })]
    [InlineData(new[] { double.NegativeInfinity, 1.0 })]
    public void Create_InvalidBuckets_ThrowsNamingMetric(double[] buckets)
    {
        var error = Should.Throw<ArgumentException>(() => new MetricsRegistry().CreateHistogram("bad_seconds", "B.", buckets));
        error.Message.ShouldContain("'bad_seconds'");
    }

    [Fact]
    public void Create_BucketsAreCopied()
    {
        var buckets = new[] { 1.0, 2.0 };
        var histogram = new MetricsRegistry().CreateHistogram("h", "H.", buckets);
        buckets[1] = 0;

        histogram.UpperBounds.ShouldBe([1.0, 2.0]);
    }
}
