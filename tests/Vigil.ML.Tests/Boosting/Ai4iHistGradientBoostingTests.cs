using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Splits;
using Vigil.ML.Boosting;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

/// <summary>Histogram gradient boosting on AI4I 2020 under the official protocol (docs BENCHMARKS.md); skipped without the data.</summary>
public sealed class Ai4iHistGradientBoostingTests
{
    private static readonly TabularEncoderOptions Protocol = new()
    {
        Target = "Machine failure",
        Exclude = ["UDI", "Product ID", "TWF", "HDF", "PWF", "OSF", "RNF"],
    };

    private static ClassificationMetrics Run(HistGradientBoostingClassifierOptions options, int seed)
    {
        var frame = CsvReader.ReadFile(RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv")).Frame;
        var labels = ClassLabels.Fit(frame[Protocol.Target!]);
        var split = StratifiedSplit.Split(labels.Encode(frame[Protocol.Target!]), 0.2, seed);
        var (train, test) = (frame.Take(split.Train), frame.Take(split.Test));

        var classifier = TabularClassifier.Fit(new HistGradientBoostingClassifierLearner(options), train, Protocol);

        var m = classifier.EvaluateBinary(test);
        TestContext.Current.TestOutputHelper?.WriteLine($"AI4I seed {seed}: F1 {m.F1:F3} ROC-AUC {m.RocAuc:F4} PR-AUC {m.PrAuc:F3}");
        return m;
    }

    [Fact]
    public void Fit_OfficialProtocolSeed0WithEarlyStopping_ReachesRocAuc095()
    {
        // η 0.1 with early stopping on a stratified 10 % of the training rows: mean ROC-AUC 0.969 over StratifiedSplit
        // seeds 0–9, against 0.964 for XGBoost 1.7 with the anchor settings on the same splits.
        var m = Run(new HistGradientBoostingClassifierOptions { Rounds = 1000, LearningRate = 0.1, EarlyStoppingRounds = 30 }, seed: 0);

        m.PositiveSupport.ShouldBe(68);
        m.RocAuc.ShouldBeGreaterThanOrEqualTo(0.95);
        m.F1.ShouldBeGreaterThanOrEqualTo(0.65);
    }

    [Fact]
    public void Fit_OfficialProtocolSeed0XGBoostSettings_IsWithinNoiseOfXGBoost()
    {
        // The anchor's XGBoost 1.7 settings (300 rounds, η 0.3, depth 6, λ 1, min child weight 1, base_score 0.5 = raw 0).
        // XGBoost itself scores 0.952 on this split; a single split's ROC-AUC moves by ±0.005 with float summation order
        // alone (0.948–0.952 here), so the floor is 0.94 (see docs/ml.md for the 10-split comparison).
        var m = Run(new HistGradientBoostingClassifierOptions { Rounds = 300, BaseScore = 0 }, seed: 0);

        m.RocAuc.ShouldBeGreaterThanOrEqualTo(0.94);
        m.F1.ShouldBeGreaterThanOrEqualTo(0.65);
    }
}
