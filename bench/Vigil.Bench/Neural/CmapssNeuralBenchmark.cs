using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Bench.Peers;
using Vigil.Data.Cmapss;
using Vigil.ML.Neural.Models;
using Vigil.ML.Neural.Training;

namespace Vigil.Bench.Neural;

/// <summary>
/// C-MAPSS FD001 sequence models side by side with the PyTorch anchors (BENCHMARKS.md): the same LSTM 2×64, CNN-LSTM and GLD
/// architectures, Adam 1e-3, batch 256, ≤ 30 epochs with early stopping on the same 10 held-out units, 2 threads; test RMSE/PHM08
/// on the last window of each test unit, seconds per epoch, one-window latency and batch throughput.
/// </summary>
internal static class CmapssNeuralBenchmark
{
    public const string Command = "cmapss-nn";
    private static readonly string[] AllModels = ["lstm", "cnn-lstm", "gld"];
    private static readonly Dictionary<string, string> PeerNames = new() { ["lstm"] = "LSTM", ["cnn-lstm"] = "CNN-LSTM", ["gld"] = "GLD" };

    public static int Run(string[] args)
    {
        var seeds = IntArg(args, "--seeds", 1);
        var epochs = IntArg(args, "--epochs", 30);
        var models = StringArg(args, "--models", string.Join(',', AllModels)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var noPeer = args.Contains("--no-peer");
        var cycleChannel = args.Contains("--cycle-channel");
        var withForest = args.Contains("--with-rf");
        var schedule = StringArg(args, "--schedule", "constant");
        var loss = StringArg(args, "--loss", "mse");
        var dropout = double.Parse(StringArg(args, "--dropout", "0"), CultureInfo.InvariantCulture);
        var dir = Path.Combine(BenchPaths.Shared, "data", "cmapss");
        var train = RulLabels.Add(CmapssReader.Read(Path.Combine(dir, "train_FD001.txt")));
        var test = CmapssReader.Read(Path.Combine(dir, "test_FD001.txt"));
        var truth = CmapssReader.ReadRul(Path.Combine(dir, "RUL_FD001.txt"));
        var sensors = RulWindowOptions.ProtocolSensors;
        var scaler = MinMaxScaler.Fit(train, sensors);
        var windows = new RulWindows();
        var all = windows.Build(scaler.Transform(train));
        var last = windows.LastWindows(scaler.Transform(test));
        if (cycleChannel)
        {
            all = Vigil.ML.Rul.CycleChannel.Append(all);
            last = Vigil.ML.Rul.CycleChannel.Append(last);
        }

        var size = all.Length * all.Features;
        Console.Error.WriteLine($"# FD001: {all.Count} training windows, {last.Count} test units, window {all.Length}×{all.Features}");

        var rows = new List<Dictionary<string, double>>();
        for (var seed = 0; seed < seeds; seed++)
        {
            var heldOut = HeldOutUnits(seed, all.UnitIds.Distinct().Order().ToArray());
            var (tr, va) = Split(all, heldOut, size);
            Console.Error.WriteLine($"## seed {seed}: held-out units {string.Join(' ', heldOut.Order())}; train {tr.Rows} / validation {va.Rows} windows");
            var ensemble = new double[last.Count];
            foreach (var name in models)
            {
                var options = new NeuralOptions
                {
                    Architecture = name, Steps = all.Length, Epochs = epochs, BatchSize = 256, LearningRate = 1e-3f, Patience = 10,
                    TargetScale = RulLabels.DefaultCap, StandardizeInputs = false, Seed = seed, Workers = 2,
                    Schedule = schedule, Loss = loss, Dropout = dropout,
                };
                var clock = Stopwatch.StartNew();
                var model = new NeuralRegressor(options).Fit(tr, va);
                var fitSeconds = clock.Elapsed.TotalSeconds;
                var predictions = new double[last.Count];
                model.Predict(last.Values, last.Count, predictions);
                for (var i = 0; i < predictions.Length; i++)
                {
                    ensemble[i] += predictions[i] / models.Length;
                }
                var evaluation = RulProtocol.Evaluate(predictions, truth);
                var latency = LatencyMs(model, last);
                var throughput = Throughput(model, all, Math.Min(10_000, all.Count));
                var row = new Dictionary<string, double>
                {
                    ["seed"] = seed, ["rmse"] = evaluation.Capped.Rmse, ["mae"] = evaluation.Capped.Mae, ["r2"] = evaluation.Capped.R2,
                    ["score"] = evaluation.Capped.Phm08Score, ["rmse_uncapped_truth"] = evaluation.Uncapped.Rmse, ["train_s"] = fitSeconds,
                    ["epoch_s"] = model.Summary.MeanEpochSeconds, ["epochs_run"] = model.Summary.EpochsRun, ["best_epoch"] = model.Summary.BestEpoch,
                    ["lat_ms"] = latency, ["win_per_s"] = throughput,
                };
                rows.Add(row);
                Console.Error.WriteLine($"Vigil {name,-8} test RMSE={row["rmse"]:F2} MAE={row["mae"]:F2} R2={row["r2"]:F4} score={row["score"]:F1} (uncapped {row["rmse_uncapped_truth"]:F2}) | epochs {row["epochs_run"]} best {row["best_epoch"]} {row["epoch_s"]:F2} s/epoch, fit {fitSeconds:F1} s | 1-window {latency * 1000:F1} µs | {throughput:N0} windows/s");
                row["model"] = Array.IndexOf(AllModels, name);
            }

            var mean = RulProtocol.Evaluate(ensemble, truth);
            Console.Error.WriteLine($"Vigil average of {string.Join('+', models)}: test RMSE={mean.Capped.Rmse:F2} MAE={mean.Capped.Mae:F2} R2={mean.Capped.R2:F4} score={mean.Capped.Phm08Score:F1}");
            if (withForest)
            {
                var held = heldOut.ToHashSet();
                var trainSet = Subset(all, i => !held.Contains(all.UnitIds[i]));
                var forest = Vigil.ML.Rul.WindowStatisticsRegressor.Fit(Vigil.Pipelines.Training.LearnerCatalog.Default.Regressor("rf", new Vigil.Pipelines.Training.LearnerParameters(), seed), trainSet);
                var rf = new double[last.Count];
                forest.Predict(last, rf);
                var rfEval = RulProtocol.Evaluate(rf, truth);
                Console.Error.WriteLine($"Vigil rf on window statistics: test RMSE={rfEval.Capped.Rmse:F2} score={rfEval.Capped.Phm08Score:F1}");
                var blend = ensemble.Select((p, i) => (p + rf[i]) / 2).ToArray();
                var blendEval = RulProtocol.Evaluate(blend, truth);
                Console.Error.WriteLine($"Vigil average(nets, rf): test RMSE={blendEval.Capped.Rmse:F2} MAE={blendEval.Capped.Mae:F2} R2={blendEval.Capped.R2:F4} score={blendEval.Capped.Phm08Score:F1}");
            }
        }

        JsonElement? peer = null;
        if (!noPeer && PythonPeer.CanImport("torch", "sklearn", "pandas"))
        {
            var json = Path.Combine(Path.GetTempPath(), $"vigil-cmapss-nn-{Environment.ProcessId}.json");
            var nets = string.Join(',', models.Select(m => PeerNames[m]));
            Console.Error.WriteLine($"# PyTorch anchors ({nets}), {seeds} seed(s), same run …");
            PythonPeer.RunScript(
                Path.Combine(BenchPaths.Shared, "bench", "anchors", "cmapss_anchors.py"),
                ["--seeds", seeds.ToString(CultureInfo.InvariantCulture), "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--nets", nets, "--trees", "", "--no-leak", "--json", json],
                TimeSpan.FromHours(2), BenchPaths.Shared, threads: 2, libraryPath: Environment.GetEnvironmentVariable("VIGIL_OPENBLAS_LIB"));
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            peer = doc.RootElement.Clone();
            File.Delete(json);
        }
        else if (!noPeer)
        {
            Console.Error.WriteLine("# PyTorch peer skipped: /usr/bin/python3 cannot import torch, sklearn and pandas (apt-get install python3-torch python3-sklearn python3-pandas).");
        }

        Console.WriteLine($"| model | Vigil test RMSE | PyTorch test RMSE | Vigil PHM08 | PyTorch PHM08 | Vigil s/epoch | PyTorch s/epoch | epoch ratio | Vigil 1-window | PyTorch 1-window | Vigil windows/s | PyTorch windows/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var name in models)
        {
            var ours = rows.Where(r => (int)r["model"] == Array.IndexOf(AllModels, name)).ToList();
            var theirs = peer is null ? [] : peer.Value.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("model").GetString() == PeerNames[name]).ToList();
            string Ours(string key, int digits) => Stats.Format([.. ours.Select(r => r[key])], digits);
            string Theirs(string key, int digits) => theirs.Count == 0 ? "–" : Stats.Format([.. theirs.Select(r => r.GetProperty(key).GetDouble())], digits);
            var ratio = theirs.Count == 0 ? "–" : (ours.Average(r => r["epoch_s"]) / theirs.Average(r => r.GetProperty("epoch_s").GetDouble())).ToString("F2", CultureInfo.InvariantCulture) + "×";
            var ourLatency = $"{ours.Average(r => r["lat_ms"]) * 1000:F0} µs";
            var theirLatency = theirs.Count == 0 ? "–" : $"{theirs.Average(r => r.GetProperty("lat_ms").GetDouble()) * 1000:F0} µs";
            var theirThroughput = theirs.Count == 0 ? "–" : theirs.Average(r => r.GetProperty("win_per_s").GetDouble()).ToString("N0", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | {Ours("rmse", 2)} | {Theirs("rmse", 2)} | {Ours("score", 0)} | {Theirs("score", 0)} | {Ours("epoch_s", 2)} | {Theirs("epoch_s", 2)} | {ratio} | {ourLatency} | {theirLatency} | {ours.Average(r => r["win_per_s"]).ToString("N0", CultureInfo.InvariantCulture)} | {theirThroughput} |");
        }

        return 0;
    }

    /// <summary>The anchors' held-out units: numpy's RandomState(seed).choice(units, 10, replace=False), asked of numpy itself so both sides hold out the same engines.</summary>
    private static int[] HeldOutUnits(int seed, int[] units)
    {
        try
        {
            var r = PythonPeer.RunJson("-c", [$"import json, numpy as np; u = np.arange(1, {units.Length + 1}); print(json.dumps(sorted(int(x) for x in np.random.RandomState({seed}).choice(u, 10, replace=False))))"], TimeSpan.FromMinutes(1));
            return [.. r.EnumerateArray().Select(e => e.GetInt32())];
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or JsonException)
        {
            Console.Error.WriteLine($"# numpy unavailable ({e.Message.Split('\n')[0]}); holding out 10 units chosen by a seeded C# shuffle instead.");
            var copy = (int[])units.Clone();
            new Random(seed).Shuffle(copy);
            return copy[..10];
        }
    }

    private static RulWindowSet Subset(RulWindowSet all, Func<int, bool> keep)
    {
        var idx = Enumerable.Range(0, all.Count).Where(keep).ToArray();
        var size = all.Length * all.Features;
        var values = new float[idx.Length * size];
        for (var i = 0; i < idx.Length; i++)
        {
            all.Window(idx[i]).CopyTo(values.AsSpan(i * size));
        }

        return new RulWindowSet(values, all.Length, all.Features, [.. idx.Select(i => all.Targets[i])], [.. idx.Select(i => all.UnitIds[i])], [.. idx.Select(i => all.EndCycles[i])]);
    }

    private static (TrainingData Train, TrainingData Validation) Split(RulWindowSet all, int[] heldOut, int size)
    {
        var held = heldOut.ToHashSet();
        TrainingData Take(Func<int, bool> keep)
        {
            var idx = Enumerable.Range(0, all.Count).Where(i => keep(all.UnitIds[i])).ToArray();
            var x = new float[idx.Length * size];
            var y = new float[idx.Length];
            for (var i = 0; i < idx.Length; i++)
            {
                all.Window(idx[i]).CopyTo(x.AsSpan(i * size));
                y[i] = all.Targets[idx[i]];
            }

            return new TrainingData(x, size, y, 1);
        }

        return (Take(u => !held.Contains(u)), Take(held.Contains));
    }

    private static double LatencyMs(NeuralRegressorModel model, RulWindowSet last)
    {
        var window = last.Window(0).ToArray();

        // Warm up for at least half a second so the tiered JIT has promoted the inference path (training ran the
        // training-mode methods, not these); PyTorch's anchors get 20 calls, but its kernels are precompiled C++.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 200 || warm.ElapsedMilliseconds < 500; i++)
        {
            model.Predict(window.AsSpan());
        }

        var times = new double[1000];
        for (var i = 0; i < times.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            model.Predict(window.AsSpan());
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        return Stats.Median(times);
    }

    private static double Throughput(NeuralRegressorModel model, RulWindowSet all, int count)
    {
        var output = new double[count];
        var inputs = all.Values.AsSpan(0, count * all.Length * all.Features).ToArray();
        model.Predict(inputs, count, output);
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            model.Predict(inputs, count, output);
            times.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }

        return count / Stats.Median(times);
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string StringArg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
