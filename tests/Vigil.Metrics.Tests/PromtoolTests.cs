using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Metrics.Tests;

/// <summary>Checks our exposition with the reference linter, <c>promtool check metrics</c> (reads the exposition on stdin).</summary>
public sealed class PromtoolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CheckMetrics_RealisticRegistry_Passes()
    {
        using var collector = new ProcessMetricsCollector();
        var registry = RealisticRegistry(collector);

        var result = await CheckMetricsAsync(stream => registry.WriteToAsync(stream));

        result.TimedOut.ShouldBeFalse();
        result.ExitCode.ShouldBe(0, $"promtool check metrics failed:\n{result.Output}\n--- exposition ---\n{registry.ToText()}");
    }

    [Fact]
    public async Task CheckMetrics_BrokenExposition_Fails()
    {
        using var collector = new ProcessMetricsCollector();
        var text = RealisticRegistry(collector).ToText() + "vigil_broken{model=\"pdm\" 1\n";

        var result = await CheckMetricsAsync(stream => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text)).AsTask());

        result.TimedOut.ShouldBeFalse();
        result.ExitCode.ShouldNotBe(0, result.Output);
    }

    private static MetricsRegistry RealisticRegistry(ProcessMetricsCollector collector)
    {
        var registry = new MetricsRegistry();
        registry.AddCollector(collector);
        var requests = registry.CreateCounter("vigil_serving_requests_total", "Scoring requests by model and outcome.", "model", "outcome");
        requests.WithLabels("pdm", "ok").Inc(42);
        requests.WithLabels("pdm", "error").Inc(1);
        requests.WithLabels("anomaly \"v2\"\\beta\n", "ok").Inc(7);
        var latency = registry.CreateHistogram("vigil_serving_latency_seconds", "Scoring latency in seconds.", Buckets.Latency, "model");
        foreach (var value in new[] { 0.00005, 0.0001, 0.0003, 0.002, 0.02, 0.4, 12.0 })
        {
            latency.WithLabels("pdm").Observe(value);
        }

        registry.CreateHistogram("vigil_batch_rows", "Rows per scoring batch.", Buckets.Exponential(1, 4, 6)).Observe(100);
        registry.CreateGauge("vigil_models_loaded", "Models currently loaded.").Set(2);
        registry.CreateGauge("vigil_drift_score", "Latest drift score by feature.", "feature").WithLabels("sensor_11").Set(double.NaN);
        registry.CreateCounter("vigil_mqtt_messages_total", "MQTT messages received, by topic.", "topic");
        return registry;
    }

    private static async Task<ProcessResult> CheckMetricsAsync(Func<Stream, Task> writeExposition)
    {
        var promtool = Services.FindExecutable("promtool");
        if (promtool is null)
        {
            Services.Unavailable("promtool not installed (apt-get install prometheus)");
        }

        var shell = Services.FindExecutable("sh");
        if (shell is null)
        {
            Services.Unavailable("sh not found to feed promtool its stdin");
        }

        using var directory = new TempDirectory();
        var path = directory.File("metrics.prom");
        await using (var file = File.Create(path))
        {
            await writeExposition(file);
        }

        // ProcessRunner closes stdin, so a shell redirects the file into promtool's stdin.
        return await ProcessRunner.RunAsync(shell, ["-c", "exec \"$0\" check metrics < \"$1\"", promtool, path], Timeout);
    }
}
