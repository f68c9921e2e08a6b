using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class BucketsTests
{
    [Fact]
    public void Default_IsThePrometheusDefaultSet() =>
        Buckets.Default.ShouldBe([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

    [Fact]
    public void Latency_SpansSubMillisecondToTenSeconds()
    {
        Buckets.Latency[0].ShouldBe(0.0001);
        Buckets.Latency[^1].ShouldBe(10);
        Buckets.Latency.ShouldContain(0.001);
        Buckets.Latency.Zip(Buckets.Latency.Skip(1)).ShouldAllBe(pair => pair.First < pair.Second);
    }

    [Fact]
    public void Exponential_MultipliesByFactor() => Buckets.Exponential(0.5, 2, 5).ShouldBe([0.5, 1, 2, 4, 8]);

    [Fact]
    public void Linear_AddsWidth() => Buckets.Linear(-1, 0.5, 5).ShouldBe([-1, -0.5, 0, 0.5, 1]);

    [Theory]
    [InlineData(0.0, 2.0, 3)]
    [InlineData(-1.0, 2.0, 3)]
    [InlineData(1.0, 1.0, 3)]
    [InlineData(1.0, 0.5, 3)]
    [InlineData(1.0, 2.0, 0)]
    [InlineData(1.0, 1e200, 3)]
    public void Exponential_InvalidArguments_Throw(double start, double factor, int count) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Buckets.Exponential(start, factor, count));

    [Theory]
    [InlineData(0.0, 0.0, 3)]
    [InlineData(0.0, -1.0, 3)]
    [InlineData(0.0, 1.0, 0)]
    [InlineData(double.NaN, 1.0, 3)]
    public void Linear_InvalidArguments_Throw(double start, double width, int count) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Buckets.Linear(start, width, count));

    [Fact]
    public void GeneratedBuckets_AreAcceptedByHistograms()
    {
        var registry = new MetricsRegistry();

        registry.CreateHistogram("a_seconds", "A.", Buckets.Exponential(0.0001, 2, 18)).UpperBounds.Count.ShouldBe(18);
        registry.CreateHistogram("b_seconds", "B.", Buckets.Linear(0.1, 0.1, 10)).UpperBounds.Count.ShouldBe(10);
        registry.CreateHistogram("c_seconds", "C.", Buckets.Latency).UpperBounds.ShouldBe(Buckets.Latency);
    }
}
