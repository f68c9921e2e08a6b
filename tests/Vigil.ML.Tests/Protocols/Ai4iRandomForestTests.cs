using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Splits;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Forests;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Protocols;

/// <summary>The random forest on AI4I 2020 under the official protocol (docs BENCHMARKS.md); skipped without the data. Quality only.</summary>
public sealed class Ai4iRandomForestTests
{
    [Fact]
    public void Fit_OfficialProtocolSeed0_RanksFailuresLikeTheAnchor()
    {
        var frame = CsvReader.ReadFile(RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv")).Frame;
        var labels = ClassLabels.Fit(frame["Machine failure"]);
        var split = StratifiedSplit.Split(labels.Encode(frame["Machine failure"]), 0.2, seed: 0);
        var (train, test) = (frame.Take(split.Train), frame.Take(split.Test));

        var classifier = TabularClassifier.Fit(
            new RandomForestClassifierLearner(new RandomForestClassifierOptions { Seed = 0, OobScore = true }),
            train,
            new TabularEncoderOptions { Target = "Machine failure", Exclude = ["UDI", "Product ID", "TWF", "HDF", "PWF", "OSF", "RNF"] });
        var m = ClassificationMetrics.Binary(classifier.Labels.Encode(test["Machine failure"]), classifier.PredictPositive(test));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"AI4I RF seed 0: F1 {m.F1:F3} ROC-AUC {m.RocAuc:F3} PR-AUC {m.PrAuc:F3} acc {m.Accuracy:F4} OOB {((RandomForestClassifierModel)classifier.Model).OobScore:F4}");
        // scikit-learn's RF (100 trees, random_state 0-2) scores ROC-AUC 0.932-0.945 and PR-AUC 0.752-0.759 on this same split,
        // which is harder than the anchor's seed-0 split; Vigil's forest scored 0.928 / 0.752 when this test was written.
        m.RocAuc.ShouldBeGreaterThanOrEqualTo(0.91);
        m.PrAuc.ShouldBeGreaterThanOrEqualTo(0.68);
        m.Accuracy.ShouldBeGreaterThanOrEqualTo(0.97);
        ((RandomForestClassifierModel)classifier.Model).OobScore.ShouldBeGreaterThan(0.97);
    }
}
