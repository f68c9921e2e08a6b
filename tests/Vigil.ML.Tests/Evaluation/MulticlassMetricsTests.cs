using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class MulticlassMetricsTests
{
    [Fact]
    public void FromPredictions_ThreeClasses_MatchesHandCountedScores()
    {
        // Confusion rows (actual) 0: [1, 1, 1], 1: [0, 2, 0], 2: [1, 0, 2].
        var m = MulticlassMetrics.FromPredictions([0, 0, 1, 1, 2, 2, 2, 0], [0, 1, 1, 1, 2, 0, 2, 2], 3);

        m.PerClass.Select(c => c.Precision).ShouldBe([0.5, 2.0 / 3, 2.0 / 3], 1e-12);
        m.PerClass.Select(c => c.Recall).ShouldBe([1.0 / 3, 1.0, 2.0 / 3], 1e-12);
        m.PerClass.Select(c => c.F1).ShouldBe([0.4, 0.8, 2.0 / 3], 1e-12);
        m.PerClass.Select(c => c.Support).ShouldBe([3L, 2L, 3L]);
        m.Accuracy.ShouldBe(5.0 / 8);
        m.MacroPrecision.ShouldBe(0.611111111111111, 1e-12);   // scikit-learn 1.2.1, zero_division=0
        m.MacroF1.ShouldBe(0.6222222222222222, 1e-12);
        m.WeightedPrecision.ShouldBe(0.6041666666666666, 1e-12);
        m.WeightedRecall.ShouldBe(0.625, 1e-12);
        m.WeightedF1.ShouldBe(0.6, 1e-12);
        m.Confusion[2, 0].ShouldBe(1);
    }

    [Fact]
    public void FromProbabilities_Ties_PickTheLowestClass()
    {
        var m = MulticlassMetrics.FromProbabilities([1, 0], [0.5, 0.5, 0.2, 0.8], 2);

        m.Confusion[1, 0].ShouldBe(1);
        m.Confusion[0, 1].ShouldBe(1);
    }

    [Fact]
    public void FromPredictions_AbsentClass_ScoresZeroNotNaN()
    {
        var m = MulticlassMetrics.FromPredictions([0, 0], [0, 0], 3);

        m.PerClass[2].ShouldBe(new ClassScores(0, 0, 0, 0));
        m.MacroF1.ShouldBe(1.0 / 3, 1e-12);
        m.WeightedF1.ShouldBe(1.0);
    }
}
