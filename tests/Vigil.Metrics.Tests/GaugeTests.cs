using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class GaugeTests
{
    [Fact]
    public void SetIncDecAdd_Unlabelled()
    {
        var gauge = new MetricsRegistry().CreateGauge("queue_depth", "Depth.");
        gauge.Set(10);
        gauge.Inc();
        gauge.Inc(4);
        gauge.Dec();
        gauge.Dec(2);
        gauge.Add(-20);

        gauge.Value.ShouldBe(-8);
    }

    [Fact]
    public void SetIncDecAdd_Child()
    {
        var child = new MetricsRegistry().CreateGauge("temperature_celsius", "T.", "sensor").WithLabels("s1");
        child.Set(20.5);
        child.Inc();
        child.Dec(0.5);
        child.Add(-1);

        child.Value.ShouldBe(20);
    }

    [Fact]
    public async Task Add_ConcurrentTasks_ExactTotal()
    {
        var gauge = new MetricsRegistry().CreateGauge("inflight", "In flight.");
        var work = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                gauge.Inc();
                if (i % 2 == 0)
                {
                    gauge.Dec();
                }
            }
        }));
        await Task.WhenAll(work);

        gauge.Value.ShouldBe(8 * 10_000);
    }

    [Fact]
    public void Shortcut_OnLabelledFamily_Throws() =>
        Should.Throw<InvalidOperationException>(() => new MetricsRegistry().CreateGauge("g", "G.", "k").Set(1));
}
