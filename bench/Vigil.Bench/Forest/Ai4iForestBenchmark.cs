using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Bench.Ai4i;
using Vigil.Bench.Peers;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Forests;

namespace Vigil.Bench.Forest;

/// <summary>
/// <c>ai4i-rf [--seeds 5] [--threads N]</c>: scikit-learn's RF (100 trees, n_jobs=2) and Vigil's RF on the same AI4I
/// split per seed, interleaved: quality, train seconds, single-row latency and batch rows/s, with Vigil/peer ratios.
/// </summary>
internal static class Ai4iForestBenchmark
{
    private static readonly string[] Keys = ["f1", "roc_auc", "pr_auc", "acc", "train_s", "latency_ms", "rows_per_s"];

    public static int Run(string[] args)
    {
        var seeds = Args.Int(args, "--seeds", 5);
        var threads = Args.Int(args, "--threads", Environment.ProcessorCount);
        var protocol = Ai4iProtocol.Load();
        var ours = Keys.ToDictionary(k => k, _ => new List<double>());
        var peer = Keys.ToDictionary(k => k, _ => new List<double>());
        var warmed = false;
        for (var seed = 0; seed < seeds; seed++)
        {
            var peerJson = Ai4iProtocol.RunPeer(seed, "RF");
            var rf = peerJson.GetProperty("models").GetProperty("RF");
            foreach (var k in Keys)
            {
                peer[k].Add(rf.GetProperty(k).GetDouble());
            }

            var (train, test) = protocol.Split(peerJson);
            var encoding = new TabularEncoder(Ai4iProtocol.RawFeatures).Fit(train);
            var labels = ClassLabels.Fit(train[Ai4iProtocol.Target]);
            var set = new ClassificationSet(encoding.Transform(train), labels.Encode(train[Ai4iProtocol.Target]), labels.Count, featureNames: encoding.FeatureNames);
            var learner = new RandomForestClassifierLearner(new RandomForestClassifierOptions { Seed = seed, MaxDegreeOfParallelism = threads });
            if (!warmed)
            {
                learner.Fit(set); // JIT warm-up, untimed
                warmed = true;
            }

            var clock = Stopwatch.StartNew();
            var model = learner.Fit(set);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var testX = encoding.Transform(test);
            var m = ClassificationMetrics.Binary(labels.Encode(test[Ai4iProtocol.Target]), model.PredictPositive(testX));
            var (latency, rowsPerSecond) = Speed(model, testX);
            Add(ours, m, trainSeconds, latency, rowsPerSecond);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"seed {seed}: vigil F1 {m.F1:F3} AUC {m.RocAuc:F3} PR {m.PrAuc:F3} train {trainSeconds:F3}s lat {latency * 1000:F1}µs {rowsPerSecond / 1e6:F2}M rows/s nodes {model.NodeCount} | " +
                $"sklearn F1 {peer["f1"][^1]:F3} AUC {peer["roc_auc"][^1]:F3} PR {peer["pr_auc"][^1]:F3} train {peer["train_s"][^1]:F3}s lat {peer["latency_ms"][^1]:F3}ms {peer["rows_per_s"][^1] / 1e6:F2}M rows/s"));
        }

        Print(ours, peer, seeds, threads);
        return 0;
    }

    /// <summary>Median single-row latency (ms) over 1,000 calls after 20 warm-ups; median rows/s of 3 calls on the test set tiled 50×.</summary>
    internal static (double LatencyMs, double RowsPerSecond) Speed(IClassifierModel model, FeatureMatrix test)
    {
        var row = test.Row(0).ToArray();
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

        var tiled = new double[test.RowCount * 50 * test.ColumnCount];
        for (var r = 0; r < 50; r++)
        {
            test.Values.CopyTo(tiled.AsSpan(r * test.Values.Length));
        }

        var big = new FeatureMatrix(test.RowCount * 50, test.ColumnCount, tiled);
        var output = new double[big.RowCount * model.ClassCount];
        model.PredictProba(test, output); // warm-up
        var rates = new double[3];
        for (var i = 0; i < rates.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            model.PredictProba(big, output);
            rates[i] = big.RowCount / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }

        return (Stats.Median(times), Stats.Median(rates));
    }

    private static void Add(Dictionary<string, List<double>> into, ClassificationMetrics m, double train, double latency, double rows)
    {
        into["f1"].Add(m.F1);
        into["roc_auc"].Add(m.RocAuc);
        into["pr_auc"].Add(m.PrAuc);
        into["acc"].Add(m.Accuracy);
        into["train_s"].Add(train);
        into["latency_ms"].Add(latency);
        into["rows_per_s"].Add(rows);
    }

    private static void Print(Dictionary<string, List<double>> ours, Dictionary<string, List<double>> peer, int seeds, int threads)
    {
        var inv = CultureInfo.InvariantCulture;
        string Cell(Dictionary<string, List<double>> d, string k, int digits, double scale = 1) =>
            Stats.Format([.. d[k].Select(v => v * scale)], digits);
        double Ratio(string k) => Stats.MeanStd(ours[k]).Mean / Stats.MeanStd(peer[k]).Mean;
        Console.WriteLine($"AI4I raw features, {seeds} seeds, Vigil threads {threads}, peer n_jobs=2 (latency n_jobs=1)");
        Console.WriteLine("| model | F1 (fail) | ROC-AUC | PR-AUC | accuracy | train s | 1-row latency µs | batch rows/s (M) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, d) in new[] { ("scikit-learn RF (100)", peer), ("Vigil RF (100)", ours) })
        {
            Console.WriteLine($"| {name} | {Cell(d, "f1", 3)} | {Cell(d, "roc_auc", 3)} | {Cell(d, "pr_auc", 3)} | {Cell(d, "acc", 4)} | {Cell(d, "train_s", 3)} | {Cell(d, "latency_ms", 1, 1000)} | {Cell(d, "rows_per_s", 2, 1e-6)} |");
        }

        Console.WriteLine(string.Create(inv, $"| Vigil / peer | {Ratio("f1"):F2}× | {Ratio("roc_auc"):F3}× | {Ratio("pr_auc"):F3}× | {Ratio("acc"):F4}× | {Ratio("train_s"):F2}× | {Ratio("latency_ms"):F4}× | {Ratio("rows_per_s"):F2}× |"));
        var json = new JsonObject { ["benchmark"] = "ai4i-rf", ["seeds"] = seeds, ["threads"] = threads };
        foreach (var (name, d) in new[] { ("vigil", ours), ("sklearn", peer) })
        {
            var o = new JsonObject();
            foreach (var k in Keys)
            {
                var (mean, std) = Stats.MeanStd(d[k]);
                o[k] = new JsonObject { ["mean"] = mean, ["std"] = std };
            }

            json[name] = o;
        }

        json["ratios"] = new JsonObject(Keys.Select(k => KeyValuePair.Create(k, (JsonNode?)JsonValue.Create(Ratio(k)))));
        Console.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
