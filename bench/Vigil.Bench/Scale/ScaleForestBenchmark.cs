using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Bench.Forest;
using Vigil.Bench.Peers;
using Vigil.ML;
using Vigil.ML.Evaluation;
using Vigil.ML.Boosting;
using Vigil.ML.Forests;

namespace Vigil.Bench.Scale;

/// <summary>
/// <c>scale-rf [--model rf|gbdt] [--rows 1000000] [--cols 20] [--trees 100] [--seed 1] [--threads N] [--peer sklearn-rf|xgb|sklearn-hgb]</c>: Vigil's RF or GBDT and a
/// Python peer each train in a fresh child process on the same seeded binary file (100,000 extra rows held out), reporting
/// train seconds, peak resident memory (VmHWM) and held-out accuracy / ROC-AUC.
/// </summary>
internal static class ScaleForestBenchmark
{
    public const string ChildCommand = "scale-rf-child";

    public static int Run(string[] args)
    {
        var rows = Args.Int(args, "--rows", 1_000_000);
        var cols = Args.Int(args, "--cols", 20);
        var trees = Args.Int(args, "--trees", 100);
        var seed = Args.Int(args, "--seed", 1);
        var threads = Args.Int(args, "--threads", Environment.ProcessorCount);
        var ourModel = Args.Text(args, "--model") ?? "rf";
        if (ourModel is not ("rf" or "gbdt"))
        {
            throw new ArgumentException($"--model {ourModel}: expected rf or gbdt");
        }

        var peerModel = Args.Text(args, "--peer") ?? (ourModel == "gbdt" ? "xgb" : "sklearn-rf");
        var dir = Path.Combine(Path.GetTempPath(), "vigil-bench");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"scale-{rows}x{cols}-seed{seed}.bin");
        if (!File.Exists(path))
        {
            ScaleData.Write(path + ".tmp", rows, 100_000, cols, seed);
            File.Move(path + ".tmp", path, overwrite: true);
        }

        var self = Environment.ProcessPath!;
        var t = trees.ToString(CultureInfo.InvariantCulture);
        var th = threads.ToString(CultureInfo.InvariantCulture);
        string[] childArgs = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? [typeof(ScaleForestBenchmark).Assembly.Location, ChildCommand, path, t, th, ourModel]
            : [ChildCommand, path, t, th, ourModel];
        var ours = JsonNode.Parse(Exec(self, childArgs, new Dictionary<string, string>()))!;
        Console.Error.WriteLine($"vigil: {ours.ToJsonString()}");
        var peer = JsonNode.Parse(Exec(
            PythonPeer.Python,
            [BenchPaths.PeerScript("scale_peer.py"), "--data", path, "--model", peerModel, "--trees", t, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--threads", "2"],
            new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "2", ["OPENBLAS_NUM_THREADS"] = "2", ["PYTHONHASHSEED"] = "0" }))!;
        Console.Error.WriteLine($"{peerModel}: {peer.ToJsonString()}");

        double V(JsonNode n, string k) => n[k]!.GetValue<double>();
        Console.WriteLine($"Scale: {rows:N0} × {cols} (+100,000 held out), {trees} {(ourModel == "gbdt" ? "rounds" : "trees")}, Vigil threads {threads}, peer threads 2");
        Console.WriteLine("| model | train s (wall) | train CPU s | peak memory MB | held-out accuracy | held-out ROC-AUC |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {peerModel} | {V(peer, "seconds"):F1} | {V(peer, "cpu_s"):F1} | {V(peer, "peak_mb"):F0} | {V(peer, "acc"):F4} | {V(peer, "roc_auc"):F4} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Vigil {ourModel.ToUpperInvariant()} | {V(ours, "seconds"):F1} | {V(ours, "cpu_s"):F1} | {V(ours, "peak_mb"):F0} | {V(ours, "acc"):F4} | {V(ours, "roc_auc"):F4} |"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| Vigil / peer | {V(ours, "seconds") / V(peer, "seconds"):F2}× | {V(ours, "cpu_s") / V(peer, "cpu_s"):F2}× | {V(ours, "peak_mb") / V(peer, "peak_mb"):F2}× | | |"));
        Console.WriteLine(new JsonObject { ["benchmark"] = "scale-" + ourModel, ["rows"] = rows, ["cols"] = cols, ["trees"] = trees, ["vigil"] = ours, ["peer"] = peer }.ToJsonString());
        return 0;
    }

    /// <summary>Runs in the child process: loads the file, trains, reports seconds, VmHWM and held-out quality as JSON.</summary>
    public static int RunChild(string[] args)
    {
        var (x, y, trainRows, testRows, columns) = ScaleData.Read(args[0]);
        var trees = int.Parse(args[1], CultureInfo.InvariantCulture);
        var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
        var train = new FeatureMatrix(trainRows, columns, x.AsSpan(0, trainRows * columns).ToArray());
        var test = new FeatureMatrix(testRows, columns, x.AsSpan(trainRows * columns).ToArray());
        x = [];
        var labels = y.Take(trainRows).Select(v => (int)v).ToArray();
        var testLabels = y.Skip(trainRows).Select(v => (int)v).ToArray();
        var set = new ClassificationSet(train, labels, 2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        IClassifierModel model = args.Length > 3 && args[3] == "gbdt"
            ? new HistGradientBoostingClassifierLearner(new HistGradientBoostingClassifierOptions { Rounds = trees, LearningRate = 0.3, MaxDepth = 6, BaseScore = 0, Seed = 1, MaxDegreeOfParallelism = threads }).Fit(set)
            : new RandomForestClassifierLearner(new RandomForestClassifierOptions { TreeCount = trees, Seed = 1, MaxDegreeOfParallelism = threads }).Fit(set);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var m = ClassificationMetrics.Binary(testLabels, model.PredictPositive(test));
        Console.WriteLine(new JsonObject
        {
            ["model"] = model is RandomForestClassifierModel ? "vigil-rf" : "vigil-gbdt", ["seconds"] = seconds, ["cpu_s"] = cpuSeconds, ["peak_mb"] = ProcessMemory.PeakMegabytes(), ["acc"] = m.Accuracy, ["roc_auc"] = m.RocAuc,
            ["nodes"] = (model as RandomForestClassifierModel)?.NodeCount ?? 0, ["rows"] = trainRows, ["cols"] = columns, ["trees"] = trees,
        }.ToJsonString());
        return 0;
    }

    private static string Exec(string file, string[] args, Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return p.ExitCode == 0 ? stdout.Result.Trim().Split('\n')[^1] : throw new InvalidOperationException($"{file} exited {p.ExitCode}: {stderr.Result}");
    }
}
