using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class MetricsWriterTests
{
    [Fact]
    public void Collector_IsCalledOnEveryScrape_AndMergedInNameOrder()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("b_registered", "Registered.").Set(1);
        var collector = new DelegateCollector(writer =>
        {
            writer.Gauge("c_collected", "Collected last.", 3);
            writer.GaugeFamily("a_collected", "Collected first.", "shard").Sample(2, "s2").Sample(1, "s1");
        });
        registry.AddCollector(collector);

        var text = registry.ToText();

        text.ShouldBe(
            "# HELP a_collected Collected first.\n# TYPE a_collected gauge\na_collected{shard=\"s1\"} 1\na_collected{shard=\"s2\"} 2\n" +
            "# HELP b_registered Registered.\n# TYPE b_registered gauge\nb_registered 1\n" +
            "# HELP c_collected Collected last.\n# TYPE c_collected gauge\nc_collected 3\n");
        registry.ToText();
        collector.Calls.ShouldBe(2);
    }

    [Fact]
    public void Collector_ComputesValuesAtScrapeTime()
    {
        var registry = new MetricsRegistry();
        var queue = new Queue<int>();
        registry.AddCollector(new DelegateCollector(writer => writer.Gauge("queue_length", "Items queued.", queue.Count)));

        Exposition.Value(registry.ToText(), "queue_length").ShouldBe(0);
        queue.Enqueue(1);
        queue.Enqueue(2);
        Exposition.Value(registry.ToText(), "queue_length").ShouldBe(2);
    }

    [Fact]
    public void RemoveCollector_StopsEmitting()
    {
        var registry = new MetricsRegistry();
        var collector = new DelegateCollector(writer => writer.Counter("ticks_total", "Ticks.", 1));
        registry.AddCollector(collector);
        registry.ToText().ShouldContain("ticks_total 1");

        registry.RemoveCollector(collector).ShouldBeTrue();
        registry.RemoveCollector(collector).ShouldBeFalse();
        registry.ToText().ShouldBeEmpty();
    }

    [Fact]
    public void Collector_NameOwnedByRegisteredFamily_FailsScrape()
    {
        var registry = new MetricsRegistry();
        registry.CreateHistogram("rpc_seconds", "R.");
        registry.AddCollector(new DelegateCollector(writer => writer.Gauge("rpc_seconds_count", "Clash.", 1)));

        Should.Throw<InvalidOperationException>(registry.ToText).Message.ShouldContain("'rpc_seconds_count'");
    }

    [Fact]
    public void Collector_SameNameTwice_Throws()
    {
        var registry = new MetricsRegistry();
        registry.AddCollector(new DelegateCollector(writer => writer.Gauge("dup", "D.", 1)));
        registry.AddCollector(new DelegateCollector(writer => writer.Gauge("dup", "D.", 2)));

        Should.Throw<ArgumentException>(registry.ToText).Message.ShouldContain("'dup'");
    }

    [Fact]
    public void Collector_SameSeriesTwice_Throws()
    {
        var registry = new MetricsRegistry();
        registry.AddCollector(new DelegateCollector(writer => writer.GaugeFamily("dup", "D.", "k").Sample(1, "a").Sample(2, "a")));

        Should.Throw<ArgumentException>(registry.ToText).Message.ShouldContain("'dup'");
    }

    [Fact]
    public void Collector_IsValidatedLikeRegisteredMetrics()
    {
        Scrape(writer => writer.Counter("no_suffix", "C.", 1)).Message.ShouldContain("_total");
        Scrape(writer => writer.Gauge("bad-name", "G.", 1)).Message.ShouldContain("'bad-name'");
        Scrape(writer => writer.Gauge("g", " ", 1)).ParamName.ShouldBe("help");
        Scrape(writer => writer.GaugeFamily("g", "G.", "__x")).ParamName.ShouldBe("labelNames");
        Scrape(writer => writer.GaugeFamily("g", "G.", "k").Sample(1)).Message.ShouldContain("'g'");

        static ArgumentException Scrape(Action<MetricsWriter> collect)
        {
            var registry = new MetricsRegistry();
            registry.AddCollector(new DelegateCollector(collect));
            return Should.Throw<ArgumentException>(registry.ToText);
        }
    }

    private sealed class DelegateCollector(Action<MetricsWriter> collect) : IMetricsCollector
    {
        public int Calls { get; private set; }

        public void Collect(MetricsWriter writer)
        {
            Calls++;
            collect(writer);
        }
    }
}
