using System.Diagnostics;
using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Linear;
using Vigil.ML.Svm;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Protocols;

/// <summary>Logistic regression and the RBF SVM on AI4I 2020 under the official protocol, seed 0 (docs BENCHMARKS.md); skipped without the data.</summary>
public sealed class Ai4iLinearTests
{
    private static readonly TabularEncoderOptions Protocol = new()
    {
        Target = "Machine failure",
        Exclude = ["UDI", "Product ID", "TWF", "HDF", "PWF", "OSF", "RNF"],
    };

    private static (ClassificationMetrics Metrics, double Seconds) Run(IClassifierLearner learner, int seed)
    {
        var frame = CsvReader.ReadFile(RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv")).Frame;
        var labels = ClassLabels.Fit(frame[Protocol.Target!]);
        var split = StratifiedSplit.Split(labels.Encode(frame[Protocol.Target!]), 0.2, seed);
        var (train, test) = (frame.Take(split.Train), frame.Take(split.Test));
        var clock = Stopwatch.StartNew();
        var classifier = TabularClassifier.Fit(learner, train, Protocol);
        clock.Stop();
        var metrics = classifier.EvaluateBinary(test);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{learner.Name} seed {seed}: F1 {metrics.F1:F3} ROC-AUC {metrics.RocAuc:F3} PR-AUC {metrics.PrAuc:F3} acc {metrics.Accuracy:F4} train {clock.Elapsed.TotalSeconds:F2} s");
        return (metrics, clock.Elapsed.TotalSeconds);
    }

    [Fact]
    public void LogisticRegression_OfficialProtocolSeed0_RanksFailuresWell()
    {
        var (m, _) = Run(new LogisticRegressionLearner(), 0);

        m.PositiveSupport.ShouldBe(68);
        m.RocAuc.ShouldBeGreaterThanOrEqualTo(0.85);
    }

    [Fact]
    public void RbfSvm_OfficialProtocolSeed0_RanksFailuresWell()
    {
        var (m, _) = Run(new KernelSvmLearner(), 0);

        m.RocAuc.ShouldBeGreaterThanOrEqualTo(0.90);
        m.F1.ShouldBeGreaterThan(0.3);
    }
}
