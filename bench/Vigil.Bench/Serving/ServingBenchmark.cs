using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Bench.Forest;
using Vigil.Bench.Peers;

namespace Vigil.Bench.Serving;

/// <summary>
/// <c>serving [--duration 15s] [--reps 1] [--no-peer] [--no-trivial]</c>: HTTP inference side by side in one run — the anchor's
/// scikit-learn RF behind Flask on gunicorn (2 sync workers, started exactly as <c>run_http_bench.sh</c> starts it), Vigil's
/// server with an RF (100 trees) trained by <c>vigil train</c> on the same AI4I columns, and a trivial Kestrel endpoint (the
/// machine's ceiling) — each loaded with the anchor's wrk script and body files, cases interleaved so drift hits all equally.
/// </summary>
internal static class ServingBenchmark
{
    public const string Command = "serving";
    public const string TrivialCommand = "kestrel-trivial";

    private static readonly (int Connections, int Batch)[] Cases = [(1, 1), (8, 1), (64, 1), (8, 100)];

    public static int Run(string[] args)
    {
        var duration = Args.Text(args, "--duration") ?? "15s";
        var reps = Args.Int(args, "--reps", 1);
        var withPeer = !args.Contains("--no-peer");
        var withTrivial = !args.Contains("--no-trivial");
        var shared = BenchPaths.Shared;
        var anchors = Path.Combine(shared, "bench", "anchors", "serving");
        var work = Directory.CreateTempSubdirectory("vigil-serving-bench-").FullName;
        var cli = CliDll();
        var processes = new List<Process>();
        try
        {
            // 1. The peer's model and bodies (the anchor scripts, run from shared/ as documented).
            if (withPeer)
            {
                Environment.SetEnvironmentVariable("ANCHOR_OUT", work);
                Exec("/usr/bin/python3", [Path.Combine("bench", "anchors", "serving", "train_model.py")], shared, log: true);
            }

            var bodies = new Dictionary<int, string>
            {
                [1] = Path.Combine(anchors, "wrk", "body_1.json"),
                [100] = Path.Combine(anchors, "wrk", "body_100.json"),
            };
            if (!File.Exists(bodies[100]))
            {
                Exec("/usr/bin/python3", [Path.Combine("bench", "anchors", "serving", "make_bodies.py")], shared, log: true);
            }

            // Vigil's own route takes {"records": [...]}: the same instances under Vigil's key.
            var records = bodies.ToDictionary(b => b.Key, b =>
            {
                var path = Path.Combine(work, $"records_{b.Key}.json");
                var node = JsonNode.Parse(File.ReadAllText(b.Value))!.AsObject();
                File.WriteAllText(path, new JsonObject { ["records"] = node["instances"]!.DeepClone() }.ToJsonString());
                return path;
            });

            // 2. Vigil's model: vigil train on the same columns (Type one-hot + 5 numerics), RF 100 trees, registered as pdm@champion.
            var dataDir = Path.Combine(work, "vigil");
            Exec("dotnet", [cli, "--data-dir", dataDir, "train", Path.Combine(shared, "data", "ai4i2020", "ai4i2020.csv"),
                "--target", "Machine failure", "--model", "rf", "--seed", "42", "--features", "none",
                "--exclude", "UDI", "--exclude", "Product ID", "--exclude", "TWF", "--exclude", "HDF", "--exclude", "PWF", "--exclude", "OSF", "--exclude", "RNF",
                "--register", "pdm", "--alias", "champion", "--json"], shared, log: false);

            // 3. Servers.
            var ports = new Dictionary<string, int> { ["peer"] = 18080, ["vigil"] = 18180, ["trivial"] = 18280 };
            var urls = new Dictionary<string, string>
            {
                ["peer"] = $"http://127.0.0.1:{ports["peer"]}/predict",
                ["vigil"] = $"http://127.0.0.1:{ports["vigil"]}/api/models/pdm/predict",
                ["vigil-invocations"] = $"http://127.0.0.1:{ports["vigil"]}/invocations",
                ["trivial"] = $"http://127.0.0.1:{ports["trivial"]}/predict",
            };
            if (withPeer)
            {
                processes.Add(Start("/usr/bin/python3", ["-m", "gunicorn", "-w", "2", "-k", "sync", "-b", $"127.0.0.1:{ports["peer"]}",
                    "--pythonpath", Path.Combine("bench", "anchors", "serving"), "app:app"], shared, Path.Combine(work, "gunicorn.log")));
                WaitHealthy($"http://127.0.0.1:{ports["peer"]}/health");
            }

            processes.Add(Start("dotnet", [cli, "--data-dir", dataDir, "server", "--model", "pdm@champion", "--urls", $"http://127.0.0.1:{ports["vigil"]}"],
                shared, Path.Combine(work, "vigil-server.log")));
            WaitHealthy($"http://127.0.0.1:{ports["vigil"]}/readyz");
            if (withTrivial)
            {
                processes.Add(Start("dotnet", [typeof(ServingBenchmark).Assembly.Location, TrivialCommand, ports["trivial"].ToString(CultureInfo.InvariantCulture)],
                    shared, Path.Combine(work, "trivial.log")));
                WaitHealthy($"http://127.0.0.1:{ports["trivial"]}/health");
            }

            var targets = new List<string>();
            if (withPeer)
            {
                targets.Add("peer");
            }

            targets.Add("vigil");
            if (withTrivial)
            {
                targets.Add("trivial");
            }

            // 4. Warm-up, then every case interleaved across targets.
            foreach (var t in targets)
            {
                Wrk(shared, urls[t], t == "vigil" ? records[1] : bodies[1], 8, "5s");
            }

            Wrk(shared, urls["vigil-invocations"], bodies[1], 8, "3s");
            var results = new List<(int Rep, string Target, int C, int B, WrkResult R)>();
            for (var rep = 0; rep < reps; rep++)
            {
                foreach (var (c, b) in Cases)
                {
                    foreach (var t in targets)
                    {
                        var r = Wrk(shared, urls[t], t == "vigil" ? records[b] : bodies[b], c, duration);
                        results.Add((rep, t, c, b, r));
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"rep {rep} {t,-8} c={c,-3} batch={b,-3} {r.Rps,10:F0} req/s  p50 {r.P50Ms,7:F3} ms  p99 {r.P99Ms,7:F3} ms  errors {r.Errors}"));
                    }
                }

                var inv = Wrk(shared, urls["vigil-invocations"], bodies[1], 8, duration);
                results.Add((rep, "vigil-invocations", 8, 1, inv));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"rep {rep} vigil /invocations c=8 batch=1 {inv.Rps,10:F0} req/s  p50 {inv.P50Ms,7:F3} ms  p99 {inv.P99Ms,7:F3} ms  errors {inv.Errors}"));
            }

            Print(results, targets, duration, reps);
            return 0;
        }
        finally
        {
            foreach (var p in processes)
            {
                try
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit(10_000);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }

            Console.Error.WriteLine($"work folder (logs): {work}");
        }
    }

    /// <summary>The trivial Kestrel endpoint: reads the body and answers a constant JSON prediction.</summary>
    public static int RunTrivial(string[] args) => TrivialKestrel.Run(int.Parse(args[0], CultureInfo.InvariantCulture));

    private static void Print(List<(int Rep, string Target, int C, int B, WrkResult R)> results, List<string> targets, string duration, int reps)
    {
        static double Median(IEnumerable<double> xs)
        {
            var a = xs.OrderBy(x => x).ToArray();
            return a.Length == 0 ? double.NaN : a.Length % 2 == 1 ? a[a.Length / 2] : (a[(a.Length / 2) - 1] + a[a.Length / 2]) / 2;
        }

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"wrk -t1, {duration} per case, median of {reps} rep(s); predictions/s = req/s × batch");
        sb.AppendLine();
        sb.AppendLine("| case | target | req/s | predictions/s | p50 | p99 | errors | Vigil / peer | Vigil / trivial Kestrel |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var json = new JsonArray();
        foreach (var (c, b) in Cases.Append((8, 1)).Distinct())
        {
            foreach (var t in targets.Append("vigil-invocations"))
            {
                var rs = results.Where(r => r.Target == t && r.C == c && r.B == b).Select(r => r.R).ToList();
                if (rs.Count == 0)
                {
                    continue;
                }

                var rps = Median(rs.Select(r => r.Rps));
                var peer = Median(results.Where(r => r.Target == "peer" && r.C == c && r.B == b).Select(r => r.R.Rps));
                var trivial = Median(results.Where(r => r.Target == "trivial" && r.C == c && r.B == b).Select(r => r.R.Rps));
                var vigilish = t.StartsWith("vigil", StringComparison.Ordinal);
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {b} row(s), {c} conn | {t} | {rps:N0} | {rps * b:N0} | {Median(rs.Select(r => r.P50Ms)):F2} ms | {Median(rs.Select(r => r.P99Ms)):F2} ms | {rs.Sum(r => r.Errors)} | {(vigilish && !double.IsNaN(peer) ? $"{rps / peer:F1}×" : "")} | {(vigilish && !double.IsNaN(trivial) ? $"{rps / trivial:F2}×" : "")} |"));
                json.Add(new JsonObject
                {
                    ["target"] = t, ["connections"] = c, ["batch"] = b, ["rps"] = rps, ["predictions_per_s"] = rps * b,
                    ["p50_ms"] = Median(rs.Select(r => r.P50Ms)), ["p99_ms"] = Median(rs.Select(r => r.P99Ms)), ["errors"] = rs.Sum(r => r.Errors),
                });
            }
        }

        Console.WriteLine(sb.ToString());
        Console.WriteLine(new JsonObject { ["benchmark"] = "serving", ["cores"] = Environment.ProcessorCount, ["cases"] = json }.ToJsonString());
    }

    private sealed record WrkResult(double Rps, double P50Ms, double P99Ms, long Errors);

    private static WrkResult Wrk(string shared, string url, string body, int connections, string duration)
    {
        var psi = new ProcessStartInfo("wrk")
        {
            WorkingDirectory = shared,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-t1", $"-c{connections}", $"-d{duration}", "--timeout", "10s", "--latency", "-s", Path.Combine("bench", "anchors", "serving", "wrk", "post.lua"), url })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["WRK_BODY"] = body;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("ANCHOR ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no ANCHOR line for {url}:\n{stdout}");
        var kv = line["ANCHOR ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => x.Split('=')).ToDictionary(x => x[0], x => double.Parse(x[1], CultureInfo.InvariantCulture));
        var errors = (long)(kv["err_connect"] + kv["err_read"] + kv["err_write"] + kv["err_status"] + kv["err_timeout"]);
        return new WrkResult(kv["rps"], kv["p50_ms"], kv["p99_ms"], errors);
    }

    private static string CliDll()
    {
        var dll = Path.Combine(BenchPaths.Root, "src", "Vigil.Cli", "bin", "Release", "net10.0", "Vigil.Cli.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the CLI first: dotnet build -c Release src/Vigil.Cli ({dll} not found).");
    }

    private static void Exec(string file, string[] args, string cwd, bool log)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (log)
        {
            Console.Error.Write(output);
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}:\n{output}\n{err.Result}");
        }
    }

    private static Process Start(string file, string[] args, string cwd, string logFile)
    {
        var psi = new ProcessStartInfo("/bin/sh") { WorkingDirectory = cwd };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$0\" \"$@\" > '" + logFile + "' 2>&1");
        psi.ArgumentList.Add(file);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    private static void WaitHealthy(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                if (http.GetAsync(url).GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not up yet.
            }
            catch (TaskCanceledException)
            {
                // Not up yet.
            }

            using var wait = new ManualResetEventSlim();
            wait.Wait(200);
        }

        throw new InvalidOperationException($"{url} did not answer within 90 s.");
    }
}
