using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Bench.Ai4i;
using Vigil.Bench.Peers;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Boosting;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;

namespace Vigil.Bench.Boosting;

/// <summary>
/// <c>ai4i-gbdt [--seeds 5] [--threads 2]</c>: XGBoost hist (300 rounds, defaults) against Vigil's histogram gradient
/// boosting with the same settings, on the same AI4I split per seed, peer first then Vigil (interleaved).
/// </summary>
internal static class GbdtAi4iBenchmark
{
    public const string Command = "ai4i-gbdt";

    private static readonly string[] Metrics = ["f1", "roc_auc", "pr_auc", "train_s", "latency_ms", "rows_per_s"];

    public static int Run(string[] args)
    {
        var seeds = Option(args, "--seeds", 5);
        var threads = Option(args, "--threads", 2);
        var options = new HistGradientBoostingClassifierOptions { Rounds = 300, MaxDegreeOfParallelism = threads };
        var protocol = Ai4iProtocol.Load();
        var ours = Metrics.ToDictionary(m => m, _ => new List<double>());
        var peer = Metrics.ToDictionary(m => m, _ => new List<double>());
        var parity = Metrics.ToDictionary(m => m, _ => new List<double>());
        var cold = double.NaN;
        var loadStart = LoadAverage();
        for (var seed = 0; seed < seeds; seed++)
        {
            var json = Ai4iProtocol.RunPeer(seed, "XGB");
            var xgb = json.GetProperty("models").GetProperty("XGB");
            foreach (var m in Metrics)
            {
                peer[m].Add(xgb.GetProperty(m).GetDouble());
            }

            var (train, test) = protocol.Split(json);
            var run = RunOurs(train, test, options, warmUp: seed == 0);
            cold = seed == 0 ? run["cold_train_s"] : cold;
            var same = RunOurs(train, test, options with { BaseScore = 0 }, warmUp: false);
            foreach (var m in Metrics)
            {
                ours[m].Add(run[m]);
                parity[m].Add(same[m]);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}: XGB auc {peer["roc_auc"][^1]:F4} f1 {peer["f1"][^1]:F3} train {peer["train_s"][^1]:F3}s | Vigil auc {ours["roc_auc"][^1]:F4} f1 {ours["f1"][^1]:F3} train {ours["train_s"][^1]:F3}s lat {ours["latency_ms"][^1] * 1000:F1}µs {ours["rows_per_s"][^1]:N0} rows/s"));
        }

        Print(ours, peer, parity, seeds, threads, cold, $"{loadStart} → {LoadAverage()}");
        return 0;
    }

    private static Dictionary<string, double> RunOurs(DataFrame train, DataFrame test, HistGradientBoostingClassifierOptions options, bool warmUp)
    {
        var encoding = new TabularEncoder(Ai4iProtocol.RawFeatures).Fit(train);
        var labels = ClassLabels.Fit(train[Ai4iProtocol.Target]);
        var set = new ClassificationSet(encoding.Transform(train), labels.Encode(train[Ai4iProtocol.Target]), labels.Count, featureNames: encoding.FeatureNames);
        var testX = encoding.Transform(test);
        var testY = labels.Encode(test[Ai4iProtocol.Target]);
        var learner = new HistGradientBoostingClassifierLearner(options);
        var result = new Dictionary<string, double>();
        if (warmUp)
        {
            // The first fit in a fresh process includes JIT compilation; report it, then warm up tiered JIT.
            var watch = Stopwatch.StartNew();
            learner.Fit(set);
            result["cold_train_s"] = watch.Elapsed.TotalSeconds;
            for (var i = 0; i < 3; i++)
            {
                learner.Fit(set);
            }
        }

        GC.Collect();
        var clock = Stopwatch.StartNew();
        var model = learner.Fit(set);
        result["train_s"] = clock.Elapsed.TotalSeconds;
        var m = ClassificationMetrics.Binary(testY, model.PredictPositive(testX));
        (result["f1"], result["roc_auc"], result["pr_auc"]) = (m.F1, m.RocAuc, m.PrAuc);
        result["latency_ms"] = Latency(model, testX.Row(0).ToArray());
        result["rows_per_s"] = Throughput(model, testX);
        return result;
    }

    private static double Latency(IClassifierModel model, double[] row)
    {
        var p = new double[model.ClassCount];
        for (var i = 0; i < 20; i++)
        {
            model.PredictProba(row, p);
        }

        var times = new double[1000];
        for (var i = 0; i < times.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            model.PredictProba(row, p);
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        return Stats.Median(times);
    }

    private static double Throughput(IClassifierModel model, FeatureMatrix test)
    {
        var values = new double[test.RowCount * 50 * test.ColumnCount];
        for (var t = 0; t < 50; t++)
        {
            test.Values.CopyTo(values.AsSpan(t * test.Values.Length));
        }

        var big = new FeatureMatrix(test.RowCount * 50, test.ColumnCount, values);
        var p = new double[big.RowCount * model.ClassCount];
        model.PredictProba(test, p);
        var seconds = new double[3];
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            model.PredictProba(big, p);
            seconds[i] = watch.Elapsed.TotalSeconds;
        }

        return big.RowCount / Stats.Median(seconds);
    }

    private static void Print(Dictionary<string, List<double>> ours, Dictionary<string, List<double>> peer, Dictionary<string, List<double>> parity, int seeds, int threads, double cold, string load)
    {
        string F(List<double> v, int digits, double scale = 1) => Stats.Format([.. v.Select(x => x * scale)], digits);
        string R(string m) => (ours[m].Average() / peer[m].Average()).ToString("F2", CultureInfo.InvariantCulture) + "×";
        Console.WriteLine($"| model | F1 (fail) | ROC-AUC | PR-AUC | train s | 1-row latency µs | batch rows/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, d) in new[]
        {
            ("XGBoost 1.7.4 hist (300, 2 threads)", peer),
            ($"Vigil HistGradientBoosting (300, {threads} threads, base = prior)", ours),
            ($"Vigil, BaseScore 0 as XGBoost 1.7 (base_score 0.5)", parity),
        })
        {
            Console.WriteLine($"| {name} | {F(d["f1"], 3)} | {F(d["roc_auc"], 4)} | {F(d["pr_auc"], 3)} | {F(d["train_s"], 3)} | {F(d["latency_ms"], 1, 1000)} | {F(d["rows_per_s"], 0)} |");
        }

        Console.WriteLine($"| ratio Vigil / XGBoost | {R("f1")} | {R("roc_auc")} | {R("pr_auc")} | {R("train_s")} | {R("latency_ms")} | {R("rows_per_s")} |");
        string M(List<double> v, string f) => Stats.Median(v).ToString(f, CultureInfo.InvariantCulture);
        Console.WriteLine($"medians over seeds: train s XGBoost {M(peer["train_s"], "F3")}, Vigil {M(ours["train_s"], "F3")} (ratio {Stats.Median(ours["train_s"]) / Stats.Median(peer["train_s"]):F2}×); "
            + $"rows/s XGBoost {M(peer["rows_per_s"], "N0")}, Vigil {M(ours["rows_per_s"], "N0")}");
        var report = new JsonObject
        {
            ["benchmark"] = Command,
            ["seeds"] = seeds,
            ["threads"] = threads,
            ["cores"] = Environment.ProcessorCount,
            ["vigil_cold_first_fit_s"] = Math.Round(cold, 3),
            ["load_average_1min"] = load,
        };
        foreach (var (name, d) in new[] { ("xgb", peer), ("vigil", ours), ("vigil_base0", parity) })
        {
            var o = new JsonObject();
            foreach (var (m, v) in d)
            {
                var (mean, std) = Stats.MeanStd(v);
                o[m] = new JsonObject { ["mean"] = mean, ["std"] = std, ["median"] = Stats.Median(v) };
            }

            report[name] = o;
        }

        report["ratio"] = new JsonObject(Metrics.Select(m => KeyValuePair.Create(m, (JsonNode?)(ours[m].Average() / peer[m].Average()))));
        Console.WriteLine(report.ToJsonString());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
