using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class CounterTests
{
    [Fact]
    public void Inc_AddsIncrements()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.");
        counter.Inc();
        counter.Inc(2.5);
        counter.Inc(0);

        counter.Value.ShouldBe(3.5);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Inc_NegativeOrNaN_ThrowsAndLeavesValue(double increment)
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model");
        var child = counter.WithLabels("pdm");
        child.Inc(4);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => child.Inc(increment));
        error.Message.ShouldContain("'hits_total'");
        child.Value.ShouldBe(4);
    }

    [Fact]
    public void WithLabels_SameValues_ReturnsCachedChild()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model", "code");
        var first = counter.WithLabels("pdm", "200");

        counter.WithLabels("pdm", "200").ShouldBeSameAs(first);
        counter.WithLabels(new[] { "pdm", "200" }).ShouldBeSameAs(first);
        counter.WithLabels("pdm", "500").ShouldNotBeSameAs(first);
        counter.ChildCount.ShouldBe(2);
        first.LabelValues.ShouldBe(new[] { "pdm", "200" });
    }

    [Fact]
    public void WithLabels_ExistingChild_DoesNotAllocate()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model", "code", "route", "region", "tier");
        counter.WithLabels("pdm", "200", "/score", "eu", "gold").Inc();
        counter.WithLabels("pdm", "200", "/score", "eu", "gold").Inc();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counter.WithLabels("pdm", "200", "/score", "eu", "gold").Inc();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        counter.WithLabels("pdm", "200", "/score", "eu", "gold").Value.ShouldBe(1002);
    }

    [Fact]
    public void WithLabels_WrongCount_ThrowsNamingMetric()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model", "code");

        Should.Throw<ArgumentException>(() => counter.WithLabels("pdm")).Message.ShouldContain("'hits_total'");
        Should.Throw<ArgumentException>(() => counter.WithLabels("pdm", "200", "x")).Message.ShouldContain("'hits_total'");
        counter.ChildCount.ShouldBe(0);
    }

    [Fact]
    public void WithLabels_NullValue_Throws()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model");

        Should.Throw<ArgumentNullException>(() => counter.WithLabels((string)null!));
    }

    [Fact]
    public void Shortcut_OnLabelledFamily_Throws()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model");

        Should.Throw<InvalidOperationException>(() => counter.Inc()).Message.ShouldContain("WithLabels");
    }

    [Fact]
    public void RemoveLabels_DropsSeriesFromOutput()
    {
        var registry = new MetricsRegistry();
        var counter = registry.CreateCounter("hits_total", "Hits.", "model");
        counter.WithLabels("a").Inc();
        counter.WithLabels("b").Inc(2);
        registry.ToText().ShouldContain("hits_total{model=\"a\"} 1");

        counter.RemoveLabels("a").ShouldBeTrue();
        counter.RemoveLabels("a").ShouldBeFalse();

        var text = registry.ToText();
        text.ShouldNotContain("model=\"a\"");
        text.ShouldContain("hits_total{model=\"b\"} 2");
        counter.WithLabels("a").Value.ShouldBe(0);
    }

    [Fact]
    public void RemoveLabels_OnUnlabelledFamily_Throws() =>
        Should.Throw<InvalidOperationException>(() => new MetricsRegistry().CreateCounter("hits_total", "Hits.").RemoveLabels());

    [Fact]
    public async Task Inc_ConcurrentTasks_ExactTotal()
    {
        var counter = new MetricsRegistry().CreateCounter("hits_total", "Hits.", "model");
        const int Tasks = 8;
        const int PerTask = 25_000;

        var work = Enumerable.Range(0, Tasks).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                counter.WithLabels("pdm").Inc();
                counter.WithLabels(t % 2 == 0 ? "even" : "odd").Inc(0.5);
            }
        }));
        await Task.WhenAll(work);

        counter.WithLabels("pdm").Value.ShouldBe(Tasks * PerTask);
        counter.WithLabels("even").Value.ShouldBe(Tasks / 2 * PerTask * 0.5);
        counter.WithLabels("odd").Value.ShouldBe(Tasks / 2 * PerTask * 0.5);
    }
}
