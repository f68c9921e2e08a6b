using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

/// <summary>
/// Issue 6's reliability requirements against a real <c>vigil server</c> child process: SIGKILL while a client logs metrics
/// at full speed loses no acknowledged write and leaves no unreadable run; eight concurrent writers to one run lose nothing.
/// </summary>
public sealed class ServerCrashTests
{
    private const string Api = "/api/2.0/mlflow/";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task KillDashNine_WhileLoggingAtFullSpeed_EveryAcknowledgedMetricSurvivesRestart()
    {
        using var dir = new TempDirectory();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TestTimeout);
        var ct = cts.Token;

        string runId;
        var acknowledged = new ConcurrentBag<long>();
        using (var first = await ServerProcess.StartAsync(dir, ct))
        {
            using var http = first.Client();
            runId = await CreateRunAsync(http, ct);

            // Two writers log as fast as the server acknowledges; the kill lands after enough acknowledged writes,
            // while requests are in flight. Step = a unique sequence number, so every acknowledged write is identifiable.
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            long next = 0;
            async Task WriteAsync()
            {
                while (!ct.IsCancellationRequested)
                {
                    var step = Interlocked.Increment(ref next);
                    try
                    {
                        using var response = await http.PostAsJsonAsync(Api + "runs/log-metric", new
                        {
                            run_id = runId,
                            key = "loss",
                            value = step * 0.5,
                            timestamp = 1_700_000_000_000 + step,
                            step,
                        }, ct);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add(step);
                            if (acknowledged.Count >= 400)
                            {
                                enough.TrySetResult();
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                    {
                        return; // The server is gone.
                    }
                }
            }

            var writers = new[] { Task.Run(WriteAsync, ct), Task.Run(WriteAsync, ct) };
            await enough.Task.WaitAsync(ct);
            first.Kill();
            await Task.WhenAll(writers).WaitAsync(ct);
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(400);
        using var second = await ServerProcess.StartAsync(dir, ct);
        using var client = second.Client();
        var history = await HistoryAsync(client, runId, "loss", ct);
        var stored = history.ToHashSet();
        var missing = acknowledged.Where(s => !stored.Contains(s)).Order().Take(10).ToList();
        missing.ShouldBeEmpty($"{missing.Count} acknowledged writes lost, e.g. steps {string.Join(", ", missing)}");

        // No half-written run: every run in the store is readable, and the killed run is still there, unfinished.
        using var search = await client.PostAsJsonAsync(Api + "runs/search", new { experiment_ids = new[] { "0" }, max_results = 1000 }, ct);
        search.IsSuccessStatusCode.ShouldBeTrue(await search.Content.ReadAsStringAsync(ct));
        using var runs = JsonDocument.Parse(await search.Content.ReadAsStringAsync(ct));
        var ids = runs.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_id").GetString()!).ToList();
        ids.ShouldContain(runId);
        foreach (var id in ids)
        {
            using var get = await client.GetAsync(Api + "runs/get?run_id=" + id, ct);
            get.IsSuccessStatusCode.ShouldBeTrue($"run {id}: {await get.Content.ReadAsStringAsync(ct)}");
        }

        second.Kill();
    }

    [Fact]
    public async Task EightConcurrentClients_LoggingToOneRun_LoseNothing()
    {
        using var dir = new TempDirectory();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TestTimeout);
        var ct = cts.Token;
        using var server = await ServerProcess.StartAsync(dir, ct);
        using var setup = server.Client();
        var runId = await CreateRunAsync(setup, ct);
        const int Clients = 8;
        const int PerClient = 60;

        var tasks = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = server.Client();
            for (var i = 0; i < PerClient; i++)
            {
                // Half the writes go through log-metric, half through log-batch (with a param and a tag per client).
                HttpResponseMessage response = i % 2 == 0
                    ? await http.PostAsJsonAsync(Api + "runs/log-metric", new { run_id = runId, key = "shared", value = (double)i, timestamp = 1_700_000_000_000L + i, step = (c * PerClient) + i }, ct)
                    : await http.PostAsJsonAsync(Api + "runs/log-batch", new
                    {
                        run_id = runId,
                        metrics = new[] { new { key = "shared", value = (double)i, timestamp = 1_700_000_000_000L + i, step = (long)((c * PerClient) + i) } },
                        @params = i == 1 ? new[] { new { key = "client_" + c.ToString(CultureInfo.InvariantCulture), value = "on" } } : [],
                        tags = i == 1 ? new[] { new { key = "tag_" + c.ToString(CultureInfo.InvariantCulture), value = "on" } } : [],
                    }, ct);
                using (response)
                {
                    response.IsSuccessStatusCode.ShouldBeTrue($"client {c}, write {i}: {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(tasks).WaitAsync(ct);

        var steps = await HistoryAsync(setup, runId, "shared", ct);
        steps.Count.ShouldBe(Clients * PerClient);
        steps.Distinct().Count().ShouldBe(Clients * PerClient);
        using var get = await setup.GetAsync(Api + "runs/get?run_id=" + runId, ct);
        using var run = JsonDocument.Parse(await get.Content.ReadAsStringAsync(ct));
        var data = run.RootElement.GetProperty("run").GetProperty("data");
        data.GetProperty("params").GetArrayLength().ShouldBe(Clients);
        data.GetProperty("tags").EnumerateArray().Count(t => t.GetProperty("key").GetString()!.StartsWith("tag_", StringComparison.Ordinal)).ShouldBe(Clients);
        server.Kill();
    }

    private static async Task<string> CreateRunAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(Api + "runs/create", new { experiment_id = "0", run_name = "crash" }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
    }

    private static async Task<List<long>> HistoryAsync(HttpClient http, string runId, string key, CancellationToken ct)
    {
        using var response = await http.GetAsync($"{Api}metrics/get-history?run_id={runId}&metric_key={key}&max_results=25000", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("metrics", out var metrics)
            ? [.. metrics.EnumerateArray().Select(m => m.GetProperty("step").GetInt64())]
            : [];
    }

    /// <summary>A <c>vigil server --urls http://127.0.0.1:0 --json</c> child process on a temp data directory.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, string url) => (_process, Url) = (process, url);

        public string Url { get; }

        public static async Task<ServerProcess> StartAsync(TempDirectory dir, CancellationToken ct)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = dir.Path,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
            foreach (var a in new[] { "--data-dir", Path.Combine(dir.Path, ".vigil"), "server", "--urls", "http://127.0.0.1:0", "--json" })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment.Remove("VIGIL_DATA_DIR");
            var process = Process.Start(psi)!;
            var stderr = new ConcurrentQueue<string>();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    stderr.Enqueue(e.Data);
                }
            };
            process.BeginErrorReadLine();
            try
            {
                using var startCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                startCts.CancelAfter(StartTimeout);
                var line = await process.StandardOutput.ReadLineAsync(startCts.Token)
                    ?? throw new InvalidOperationException($"vigil server printed no announcement; stderr: {string.Join('\n', stderr)}");
                using var announcement = JsonDocument.Parse(line);
                return new ServerProcess(process, announcement.RootElement.GetProperty("url").GetString()!);
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public HttpClient Client() => new() { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(15) };

        /// <summary>SIGKILL (Process.Kill): no graceful shutdown, no flush.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue("the killed server did not exit");
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }

            _process.Dispose();
        }
    }
}
