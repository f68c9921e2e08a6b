using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class ThresholdTuningTests
{
    [Fact]
    public void BestF1_EqualF1_TakesTheLowestThreshold()
    {
        // t=0.9: P 1, R 1/2, F1 2/3; t=0.8: 1/2; t=0.7: 0.4; t=0.6: P 1/2, R 1, F1 2/3 -> 0.6 (anchor: (0.6, 0.667)).
        var choice = ThresholdTuning.BestF1([1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6]);

        choice.Threshold.ShouldBe(0.6);
        choice.F1.ShouldBe(2.0 / 3, 1e-15);
        choice.Precision.ShouldBe(0.5);
        choice.Recall.ShouldBe(1.0);
    }

    [Fact]
    public void BestF1_TiedScores_EnterTogether()
    {
        // t=0.8: F1 1/2; t=0.5 (three rows at once): P 3/4, R 1, F1 6/7; t=0.2: 2/3.
        var choice = ThresholdTuning.BestF1([1, 1, 0, 1, 0, 0], [0.8, 0.5, 0.5, 0.5, 0.2, 0.2]);

        choice.Threshold.ShouldBe(0.5);
        choice.F1.ShouldBe(6.0 / 7, 1e-15);
    }

    [Fact]
    public void BestF1_NoPositives_ReturnsLowestScoreWithZeroF1()
    {
        var choice = ThresholdTuning.BestF1([0, 0, 0], [0.3, 0.1, 0.2]);

        choice.ShouldBe(new ThresholdChoice(0.1, 0, 0, 1));
    }

    [Fact]
    public void BestF1_ManyTies_IsTheMaximumOverEveryScoreThreshold()
    {
        // Scores rounded to 0.1, so many ties; no threshold at a score does better.
        var random = new Random(5);
        var labels = new int[200];
        var scores = new double[200];
        for (var i = 0; i < 200; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            scores[i] = Math.Round(Math.Min(1, (0.3 * labels[i]) + (random.NextDouble() * 0.7)), 1);
        }

        var choice = ThresholdTuning.BestF1(labels, scores);
        var atChoice = ClassificationMetrics.Binary(labels, scores, choice.Threshold);

        atChoice.F1.ShouldBe(choice.F1, 1e-12);
        foreach (var t in scores.Distinct())
        {
            ClassificationMetrics.Binary(labels, scores, t).F1.ShouldBeLessThanOrEqualTo(choice.F1 + 1e-12);
        }
    }

    [Fact]
    public void BestF1_AnchorFixture_MatchesScikitLearn()
    {
        var choice = ThresholdTuning.BestF1(AnchorFixture.Labels, AnchorFixture.Scores);

        choice.Threshold.ShouldBe(0.4);
        choice.F1.ShouldBe(0.6444444444444444, 1e-15);
    }

    [Fact]
    public void BestF1_NaNScore_Throws() =>
        Should.Throw<ArgumentException>(() => ThresholdTuning.BestF1([0, 1], [0.1, double.NaN]));
}
