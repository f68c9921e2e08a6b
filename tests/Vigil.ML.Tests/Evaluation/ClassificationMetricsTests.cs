using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    // Positives score 0.35, 0.8, 0.4; negatives 0.1, 0.4, 0.4 (a tie at 0.4 across classes).
    private static readonly int[] Labels = [0, 0, 1, 1, 0, 1];
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4];

    [Fact]
    public void Binary_TiedScores_MatchesHandComputedValues()
    {
        var m = ClassificationMetrics.Binary(Labels, Scores);

        // At 0.5 only 0.8 is predicted positive: TP 1, FP 0, FN 2, TN 3.
        m.Confusion[1, 1].ShouldBe(1);
        m.Confusion[0, 1].ShouldBe(0);
        m.Confusion[1, 0].ShouldBe(2);
        m.Confusion[0, 0].ShouldBe(3);
        m.Accuracy.ShouldBe(4.0 / 6, 1e-12);
        m.Precision.ShouldBe(1.0);
        m.Recall.ShouldBe(1.0 / 3, 1e-12);
        m.F1.ShouldBe(0.5, 1e-12);
        m.MacroF1.ShouldBe((0.5 + 0.75) / 2, 1e-12); // negative class: P = 3/5, R = 1, F1 = 0.75
        m.RocAuc.ShouldBe(6.0 / 9, 1e-12);           // pairs won: 1 + 3 + (1 + ½ + ½) of 9
        m.PrAuc.ShouldBe(0.7, 1e-12);                // ⅓·1 + ⅓·½ (tie group 0.4) + ⅓·⅗
        m.PositiveSupport.ShouldBe(3);
        m.NegativeSupport.ShouldBe(3);
    }

    [Fact]
    public void Binary_ScoreEqualToThreshold_IsPositive() =>
        ClassificationMetrics.Binary([1], [0.5]).Confusion[1, 1].ShouldBe(1);

    [Fact]
    public void Binary_NothingPredictedPositive_PrecisionAndF1AreZero()
    {
        var m = ClassificationMetrics.Binary([0, 1, 0], [0.1, 0.2, 0.3]);

        m.Precision.ShouldBe(0);
        m.Recall.ShouldBe(0);
        m.F1.ShouldBe(0);
        m.RocAuc.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Binary_OneClassOnly_RankingMetricsAreNaN()
    {
        var m = ClassificationMetrics.Binary([0, 0], [0.1, 0.9]);

        double.IsNaN(m.RocAuc).ShouldBeTrue();
        double.IsNaN(m.PrAuc).ShouldBeTrue();
        m.Accuracy.ShouldBe(0.5);
    }

    [Fact]
    public void RocAuc_AllScoresTied_IsOneHalf() =>
        RankingMetrics.RocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]).ShouldBe(0.5, 1e-12);

    [Fact]
    public void AveragePrecision_AllScoresTied_IsPositiveRate() =>
        RankingMetrics.AveragePrecision([0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3]).ShouldBe(0.25, 1e-12);

    [Fact]
    public void AveragePrecision_PerfectRanking_IsOne() =>
        RankingMetrics.AveragePrecision([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8]).ShouldBe(1.0, 1e-12);

    [Fact]
    public void ToDictionary_Always_UsesSnakeCaseNames() =>
        ClassificationMetrics.Binary(Labels, Scores).ToDictionary().Keys.ShouldBe(
            ["accuracy", "precision", "recall", "f1", "f1_macro", "roc_auc", "pr_auc", "threshold", "support_positive", "support_negative"],
            ignoreOrder: true);
}
