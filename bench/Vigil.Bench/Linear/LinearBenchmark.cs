using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Bench.Ai4i;
using Vigil.Bench.Peers;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Linear;
using Vigil.ML.Svm;

namespace Vigil.Bench.Linear;

/// <summary>
/// <c>ai4i-linear [--seeds 5]</c>: per seed, scikit-learn's LR and SVC (rbf, probability=True) through the peer
/// script, then Vigil's logistic regression and kernel SVM on the same split (interleaved); mean ± std and ratios.
/// </summary>
internal static class LinearBenchmark
{
    private static readonly (string Peer, string Ours, Func<IClassifierLearner> Learner)[] Models =
    [
        ("LR", "LogisticRegression (L-BFGS)", () => new LogisticRegressionLearner()),
        ("SVC", "KernelSvm (RBF, Platt 5-fold)", () => new KernelSvmLearner()),
    ];

    public static int Run(string[] args)
    {
        var seeds = args.Length >= 2 && args[0] == "--seeds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var ai4i = Ai4iProtocol.Load();
        var results = Models.ToDictionary(m => m.Peer, _ => (Peer: new List<Record>(), Ours: new List<Record>()));
        for (var seed = 0; seed < seeds; seed++)
        {
            var peer = Ai4iProtocol.RunPeer(seed, string.Join(',', Models.Select(m => m.Peer)));
            var (train, test) = ai4i.Split(peer);
            var encoding = new TabularEncoder(Ai4iProtocol.RawFeatures).Fit(train);
            var labels = ClassLabels.Fit(train[Ai4iProtocol.Target]);
            var set = new ClassificationSet(encoding.Transform(train), labels.Encode(train[Ai4iProtocol.Target]), labels.Count, featureNames: encoding.FeatureNames);
            var testX = encoding.Transform(test);
            var testY = labels.Encode(test[Ai4iProtocol.Target]);
            if (seed == 0)
            {
                // Warm-up until tiered JIT has promoted the hot loops (the peer's code is precompiled).
                var warm = new ClassificationSet(set.Features.Take([.. Enumerable.Range(0, 2000)]), set.Labels[..2000].ToArray(), set.ClassCount);
                for (var i = 0; i < 40; i++)
                {
                    Models[0].Learner().Fit(set);
                }

                for (var i = 0; i < 4; i++)
                {
                    Models[1].Learner().Fit(warm);
                }
            }

            foreach (var m in Models)
            {
                var p = peer.GetProperty("models").GetProperty(m.Peer);
                results[m.Peer].Peer.Add(new Record(
                    p.GetProperty("f1").GetDouble(), p.GetProperty("roc_auc").GetDouble(), p.GetProperty("pr_auc").GetDouble(),
                    p.GetProperty("train_s").GetDouble(), p.GetProperty("latency_ms").GetDouble(), p.GetProperty("rows_per_s").GetDouble()));
                var ours = Measure(m.Learner(), set, testX, testY);
                results[m.Peer].Ours.Add(ours);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seed {seed} {m.Peer}: peer F1 {results[m.Peer].Peer[^1].F1:F3} AUC {results[m.Peer].Peer[^1].RocAuc:F3} train {results[m.Peer].Peer[^1].TrainSeconds:F2}s | ours F1 {ours.F1:F3} AUC {ours.RocAuc:F3} PR {ours.PrAuc:F3} train {ours.TrainSeconds:F2}s lat {ours.LatencyMs * 1000:F2}µs {ours.RowsPerSecond:F0} rows/s"));
            }
        }

        Print(results, seeds);
        return 0;
    }

    private static Record Measure(IClassifierLearner learner, ClassificationSet set, FeatureMatrix testX, int[] testY)
    {
        var clock = Stopwatch.StartNew();
        var model = learner.Fit(set);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var metrics = ClassificationMetrics.Binary(testY, model.PredictPositive(testX));

        var row = testX.Row(0).ToArray();
        var probabilities = new double[model.ClassCount];
        for (var i = 0; i < 20; i++)
        {
            model.PredictProba(row, probabilities);
        }

        var ticks = new double[1000];
        for (var i = 0; i < ticks.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.PredictProba(row, probabilities);
            ticks[i] = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency; // TimeSpan would round to 100 ns
        }

        var tiled = Tile(testX, 50);
        var batch = new double[tiled.RowCount * model.ClassCount];
        model.PredictProba(testX, batch);
        var seconds = new double[3];
        for (var r = 0; r < seconds.Length; r++)
        {
            var start = Stopwatch.GetTimestamp();
            model.PredictProba(tiled, batch);
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return new Record(metrics.F1, metrics.RocAuc, metrics.PrAuc, trainSeconds, Stats.Median(ticks), tiled.RowCount / Stats.Median(seconds));
    }

    private static FeatureMatrix Tile(FeatureMatrix x, int times)
    {
        var values = new double[x.Values.Length * times];
        for (var t = 0; t < times; t++)
        {
            x.Values.CopyTo(values.AsSpan(t * x.Values.Length));
        }

        return new FeatureMatrix(x.RowCount * times, x.ColumnCount, values);
    }

    private static void Print(Dictionary<string, (List<Record> Peer, List<Record> Ours)> results, int seeds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AI4I 2020, official protocol, raw features, {seeds} seeds (mean ± std)"));
        Console.WriteLine();
        Console.WriteLine("| model | F1 (fail) | ROC-AUC | PR-AUC | train s | 1-row latency µs | batch rows/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var m in Models)
        {
            var (peer, ours) = results[m.Peer];
            Console.WriteLine($"| scikit-learn {m.Peer} | {Row(peer)} |");
            Console.WriteLine($"| Vigil {m.Ours} | {Row(ours)} |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| ratio Vigil / scikit-learn | {Ratio(ours, peer, r => r.F1)} | {Ratio(ours, peer, r => r.RocAuc)} | {Ratio(ours, peer, r => r.PrAuc)} | {Ratio(ours, peer, r => r.TrainSeconds)} | {Ratio(ours, peer, r => r.LatencyMs)} | {Ratio(ours, peer, r => r.RowsPerSecond)} |"));
        }
    }

    private static string Row(List<Record> r) =>
        $"{Stats.Format([.. r.Select(x => x.F1)], 3)} | {Stats.Format([.. r.Select(x => x.RocAuc)], 3)} | {Stats.Format([.. r.Select(x => x.PrAuc)], 3)} | " +
        $"{Stats.Format([.. r.Select(x => x.TrainSeconds)], 3)} | {Stats.Format([.. r.Select(x => x.LatencyMs * 1000)], 2)} | {Stats.Format([.. r.Select(x => x.RowsPerSecond / 1000)], 0)}k";

    private static string Ratio(List<Record> ours, List<Record> peer, Func<Record, double> pick) =>
        (ours.Average(pick) / peer.Average(pick)) is var r && r < 0.1 ? r.ToString("G2", CultureInfo.InvariantCulture) + "×" : r.ToString("F2", CultureInfo.InvariantCulture) + "×";

    private sealed record Record(double F1, double RocAuc, double PrAuc, double TrainSeconds, double LatencyMs, double RowsPerSecond);
}
