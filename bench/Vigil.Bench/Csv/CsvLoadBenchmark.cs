using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Data.Csv;

using Vigil.Bench.Peers;

namespace Vigil.Bench.Csv;

/// <summary>
/// Loads a seeded CSV with <see cref="CsvReader"/> and with pandas.read_csv, each run in a fresh child process so that
/// the peak resident memory (VmHWM) is honest, interleaving the two peers, and reports medians and ratios.
/// </summary>
internal static class CsvLoadBenchmark
{
    public const string ChildCommand = "csv-load-child";

    private const string PandasScript = """
        import json, sys, time
        import pandas as pd
        t = time.perf_counter()
        df = pd.read_csv(sys.argv[1])
        s = time.perf_counter() - t
        hwm = 0
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    hwm = int(line.split()[1]) / 1024
        print(json.dumps({"seconds": s, "peak_mb": hwm, "rows": len(df), "cols": len(df.columns)}))
        """;

    public static int Run(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var cols = Option(args, "--cols", 20);
        var seed = Option(args, "--seed", 1);
        var runs = Option(args, "--runs", 3);
        var dir = Path.Combine(Path.GetTempPath(), "vigil-bench");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"csv-load-{rows}x{cols}-seed{seed}.csv");
        if (!File.Exists(path))
        {
            var tmp = path + ".tmp";
            CsvBenchData.Write(tmp, rows, cols, seed);
            File.Move(tmp, path, overwrite: true);
        }

        var mb = new FileInfo(path).Length / 1024.0 / 1024.0;
        Console.Error.WriteLine($"file: {path} ({mb:F1} MB)");
        var script = Path.Combine(dir, "pandas_read_csv.py");
        File.WriteAllText(script, PandasScript);
        var pandasVersion = Exec("/usr/bin/python3", ["-c", "import pandas; print(pandas.__version__)"]);

        var ours = new List<JsonNode>();
        var peer = new List<JsonNode>();
        for (var i = 0; i < runs; i++)
        {
            var self = Environment.ProcessPath!;
            string[] childArgs = Path.GetFileNameWithoutExtension(self) == "dotnet"
                ? [typeof(CsvLoadBenchmark).Assembly.Location, ChildCommand, path]
                : [ChildCommand, path];
            ours.Add(JsonNode.Parse(Exec(self, childArgs) ?? throw new InvalidOperationException("child failed"))!);
            Console.Error.WriteLine($"run {i + 1} vigil:  {ours[^1].ToJsonString()}");
            if (pandasVersion is not null)
            {
                var output = Exec("/usr/bin/python3", [script, path]);
                if (output is not null)
                {
                    peer.Add(JsonNode.Parse(output)!);
                    Console.Error.WriteLine($"run {i + 1} pandas: {peer[^1].ToJsonString()}");
                }
            }
        }

        var oursSeconds = Median(ours, "seconds");
        var oursPeak = Median(ours, "peak_mb");
        var report = new JsonObject
        {
            ["benchmark"] = "csv-load",
            ["rows"] = rows,
            ["cols"] = cols,
            ["seed"] = seed,
            ["file_mb"] = Math.Round(mb, 1),
            ["runs"] = runs,
            ["cores"] = Environment.ProcessorCount,
            ["vigil"] = new JsonObject { ["seconds"] = Math.Round(oursSeconds, 3), ["peak_mb"] = Math.Round(oursPeak, 1) },
        };
        string peerCell;
        if (peer.Count > 0)
        {
            var s = Median(peer, "seconds");
            var p = Median(peer, "peak_mb");
            report["pandas"] = new JsonObject
            {
                ["version"] = pandasVersion!.Trim(),
                ["seconds"] = Math.Round(s, 3),
                ["peak_mb"] = Math.Round(p, 1),
                ["time_ratio"] = Math.Round(oursSeconds / s, 2),
                ["memory_ratio"] = Math.Round(oursPeak / p, 2),
            };
            peerCell = string.Create(CultureInfo.InvariantCulture, $"pandas {pandasVersion.Trim()}: {s:F2} s, {p:F0} MB | time ratio {oursSeconds / s:F2}×, memory ratio {oursPeak / p:F2}×");
        }
        else
        {
            report["pandas"] = "unavailable (import pandas failed)";
            peerCell = "pandas: unavailable | – ";
        }

        Console.WriteLine(report.ToJsonString());
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| csv-load {rows:N0}×{cols} ({mb:F0} MB) | Vigil: {oursSeconds:F2} s, {oursPeak:F0} MB | {peerCell} |"));
        return 0;
    }

    public static int RunChild(string path)
    {
        var watch = Stopwatch.StartNew();
        var result = CsvReader.ReadFile(path);
        var seconds = watch.Elapsed.TotalSeconds;
        var node = new JsonObject
        {
            ["seconds"] = seconds,
            ["peak_mb"] = ProcessMemory.PeakMegabytes(),
            ["rows"] = result.Frame.RowCount,
            ["cols"] = result.Frame.ColumnCount,
            ["quarantined"] = result.Quarantined.Count,
            ["kinds"] = string.Join(',', result.Summary.Columns.Select(c => c.Kind).Distinct()),
        };
        GC.KeepAlive(result);
        Console.WriteLine(node.ToJsonString());
        return 0;
    }

    private static string? Exec(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{file} exited with {process.ExitCode}: {stderr.Result.Trim()}");
                return null;
            }

            return output.Trim().Split('\n')[^1];
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.Error.WriteLine($"{file}: {ex.Message}");
            return null;
        }
    }

    private static double Median(List<JsonNode> runs, string key)
    {
        var values = runs.Select(r => r[key]!.GetValue<double>()).Order().ToArray();
        return values.Length == 0 ? double.NaN : values[values.Length / 2];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
