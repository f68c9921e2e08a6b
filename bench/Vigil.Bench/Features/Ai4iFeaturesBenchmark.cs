using System.Globalization;
using System.Text.Json;
using Vigil.Bench.Ai4i;
using Vigil.Bench.Forest;
using Vigil.Bench.Peers;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Boosting;
using Vigil.ML.Ensembles;
using Vigil.ML.Forests;
using Vigil.ML.Trees;

namespace Vigil.Bench.Features;

/// <summary>
/// <c>ai4i-features [--seeds 5] [--threads 2] [--no-peer]</c>: per seed, scikit-learn RF and XGBoost with hand-made physics
/// features (and raw), then Vigil on the SAME split with automatically synthesized features fitted on the training rows only,
/// each at 0.5 and at a threshold tuned on training out-of-fold predictions; prints the side-by-side table and kept features.
/// </summary>
internal static class Ai4iFeaturesBenchmark
{
    public const string Command = "ai4i-features";

    private static readonly string[] Dropped = ["UDI", "Product ID", "TWF", "HDF", "PWF", "OSF", "RNF"];

    public static int Run(string[] args)
    {
        var seeds = Args.Int(args, "--seeds", 5);
        var threads = Args.Int(args, "--threads", 2);
        var withPeer = !args.Contains("--no-peer");
        var frame = Ai4iProtocol.Load().Frame;
        var raw = frame.Drop(Dropped);
        var table = new ResultTable();
        var kept = new List<string>();
        for (var seed = 0; seed < seeds; seed++)
        {
            var (train, test) = Split(frame, raw, seed, withPeer, table);
            var learners = Learners(seed, threads);
            if (seed == 0)
            {
                VigilFeatureRun.Run(train.Head(2000), test.Head(500), Ai4iProtocol.Target, seed, threads, learners, [1, 2]); // JIT warm-up, untimed
            }

            var (synthesis, synthSeconds, runs) = VigilFeatureRun.Run(train, test, Ai4iProtocol.Target, seed, threads, learners, [1, 2]);
            foreach (var line in synthesis.Report!.ToLines())
            {
                Console.Error.WriteLine($"seed {seed} {line}");
            }

            kept.Add(string.Create(CultureInfo.InvariantCulture, $"seed {seed} ({synthSeconds:F2} s): {string.Join("; ", synthesis.Features.Select((f, i) => $"{f.Name} (+{synthesis.Gains[i]:F4})"))}"));
            foreach (var r in runs)
            {
                table.Add($"Vigil {r.Model} + synthesized, thr 0.5", r.AtHalf, r.TrainSeconds);
                table.Add($"Vigil {r.Model} + synthesized, thr tuned on train OOF", r.AtTuned, r.TrainSeconds);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seed {seed} Vigil {r.Model}: F1 {r.AtHalf.F1:F3} tuned {r.AtTuned.F1:F3} (thr {r.Threshold:F3}) PR {r.AtHalf.PrAuc:F4} ROC {r.AtHalf.RocAuc:F4} OOF PR {r.OofPrAuc:F4} OOF F1 {r.OofF1:F3} train {r.TrainSeconds:F2}s"));
            }

            var best = runs.MaxBy(r => r.OofPrAuc)!;
            table.Add("**Vigil best model per seed by train OOF PR-AUC**, thr tuned", best.AtTuned, best.TrainSeconds);
            kept[^1] += $" | picked {best.Model}";
        }

        table.Print(seeds);
        Console.WriteLine();
        Console.WriteLine("Kept features per seed (OOF PR-AUC gain when added):");
        kept.ForEach(k => Console.WriteLine("- " + k));
        Console.WriteLine(table.ToJson(Command, seeds, kept));
        return 0;
    }

    internal static IReadOnlyList<(string, IClassifierLearner)> Learners(int seed, int threads) =>
    [
        ("RF (100)", new RandomForestClassifierLearner(new RandomForestClassifierOptions { Seed = seed, MaxDegreeOfParallelism = threads })),
        ("exact-RF (100 bagged CART, √d features per split)", new BaggingClassifierLearner(new BaggingClassifierOptions
        {
            BaseLearner = new DecisionTreeLearner(new DecisionTreeOptions { MaxFeatures = 3, Seed = seed }), MemberCount = 100, Seed = seed, MaxDegreeOfParallelism = threads,
        })),
        ("GBDT (300 rounds, lr 0.05, depth 4)", new HistGradientBoostingClassifierLearner(new HistGradientBoostingClassifierOptions { Rounds = 300, LearningRate = 0.05, MaxDepth = 4, Seed = seed, MaxDegreeOfParallelism = threads })),
    ];

    private static (DataFrame Train, DataFrame Test) Split(DataFrame frame, DataFrame raw, int seed, bool withPeer, ResultTable table)
    {
        if (!withPeer)
        {
            var labels = Vigil.ML.Encoding.ClassLabels.Fit(frame[Ai4iProtocol.Target]);
            var split = Vigil.Data.Splits.StratifiedSplit.Split(labels.Encode(frame[Ai4iProtocol.Target]), 0.2, seed);
            return (raw.Take(split.Train), raw.Take(split.Test));
        }

        JsonElement? first = null;
        foreach (var features in new[] { "phys", "raw" })
        {
            var json = PythonPeer.RunJson(BenchPaths.PeerScript("ai4i_peer.py"),
                ["--shared", BenchPaths.Shared, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--models", "RF,XGB", "--features", features, "--no-timing", "--threshold"],
                TimeSpan.FromMinutes(10));
            first ??= json;
            foreach (var (model, label) in new[] { ("RF", "scikit-learn RF (100)"), ("XGB", "XGBoost hist (300)") })
            {
                var m = json.GetProperty("models").GetProperty(model);
                table.AddPeer($"{label}, {features}, thr 0.5", m, m.GetProperty("train_s").GetDouble());
                table.AddPeer($"{label}, {features}, thr tuned on train OOF", m.GetProperty("tuned"), m.GetProperty("train_s").GetDouble());
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seed {seed} peer {model} {features}: F1 {m.GetProperty("f1").GetDouble():F3} tuned {m.GetProperty("tuned").GetProperty("f1").GetDouble():F3} PR {m.GetProperty("pr_auc").GetDouble():F4} ROC {m.GetProperty("roc_auc").GetDouble():F4}"));
            }
        }

        var train = first!.Value.GetProperty("train").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var test = first!.Value.GetProperty("test").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return (raw.Take(train), raw.Take(test));
    }
}
