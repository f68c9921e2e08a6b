using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class ProcessMetricsCollectorTests
{
    [Fact]
    public void Collect_EmitsProcessAndRuntimeMetrics()
    {
        using var collector = new ProcessMetricsCollector();
        var registry = new MetricsRegistry();
        registry.AddCollector(collector);

        var text = registry.ToText();

        var names = Exposition.TypeNames(text);
        names.ShouldBe(names.Order(StringComparer.Ordinal).ToArray());
        string[] expected =
        [
            "dotnet_exceptions_total", "dotnet_gc_allocated_bytes_total", "dotnet_gc_collections_total", "dotnet_gc_heap_size_bytes",
            "dotnet_threadpool_queue_length", "dotnet_threadpool_threads",
            "process_cpu_seconds_total", "process_resident_memory_bytes", "process_start_time_seconds", "process_virtual_memory_bytes",
        ];
        names.ShouldBeSubsetOf(expected.Concat(["process_open_fds", "process_max_fds"]));
        expected.ShouldBeSubsetOf(names);
        text.ShouldContain("# TYPE dotnet_gc_collections_total counter\n");
        Exposition.Value(text, "dotnet_gc_collections_total{generation=\"0\"}").ShouldNotBeNull();
        Exposition.Value(text, "dotnet_gc_collections_total{generation=\"2\"}").ShouldNotBeNull();
        Exposition.Value(text, "process_resident_memory_bytes")!.Value.ShouldBeGreaterThan(0);
        Exposition.Value(text, "process_cpu_seconds_total")!.Value.ShouldBeGreaterThan(0);
        Exposition.Value(text, "dotnet_threadpool_threads")!.Value.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Collect_StartTime_IsUnixSecondsInThePast()
    {
        using var collector = new ProcessMetricsCollector();
        var registry = new MetricsRegistry();
        registry.AddCollector(collector);

        var start = Exposition.Value(registry.ToText(), "process_start_time_seconds")!.Value;

        start.ShouldBeGreaterThan(1_600_000_000); // after 2020-09
        start.ShouldBeLessThanOrEqualTo(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public void Collect_OnLinux_ReportsFileDescriptors()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("process_open_fds and process_max_fds come from /proc/self on Linux only");
        }

        using var collector = new ProcessMetricsCollector();
        var registry = new MetricsRegistry();
        registry.AddCollector(collector);
        var text = registry.ToText();

        var open = Exposition.Value(text, "process_open_fds")!.Value;
        open.ShouldBeGreaterThan(0);
        var max = Exposition.Value(text, "process_max_fds");
        if (max is not null)
        {
            max.Value.ShouldBeGreaterThanOrEqualTo(open);
        }
    }

    [Fact]
    public void Collect_CountsFirstChanceExceptions()
    {
        using var collector = new ProcessMetricsCollector();
        var registry = new MetricsRegistry();
        registry.AddCollector(collector);
        var before = Exposition.Value(registry.ToText(), "dotnet_exceptions_total")!.Value;

        for (var i = 0; i < 3; i++)
        {
            try
            {
                throw new InvalidOperationException("counted");
            }
            catch (InvalidOperationException)
            {
            }
        }

        Exposition.Value(registry.ToText(), "dotnet_exceptions_total")!.Value.ShouldBeGreaterThanOrEqualTo(before + 3);
    }

    [Fact]
    public void Collect_AfterDispose_Throws()
    {
        var collector = new ProcessMetricsCollector();
        var registry = new MetricsRegistry();
        registry.AddCollector(collector);
        collector.Dispose();
        collector.Dispose();

        Should.Throw<ObjectDisposedException>(registry.ToText);
    }
}
