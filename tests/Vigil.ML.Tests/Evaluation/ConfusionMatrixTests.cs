using Shouldly;
using Vigil.ML.Evaluation;
using Xunit;

namespace Vigil.ML.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void FromPredictions_ThreeClasses_CountsAndScoresPerClass()
    {
        var m = ConfusionMatrix.FromPredictions([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], 3);

        m[0, 1].ShouldBe(1);
        m.Accuracy.ShouldBe(4.0 / 6, 1e-12);
        m.Precision(1).ShouldBe(2.0 / 3, 1e-12);
        m.Recall(1).ShouldBe(1.0);
        m.F1(1).ShouldBe(0.8, 1e-12);
        m.MacroF1.ShouldBe((0.5 + 0.8 + (2.0 / 3)) / 3, 1e-12);
    }

    [Fact]
    public void FromPredictions_ClassOutOfRange_Throws() =>
        Should.Throw<ArgumentException>(() => ConfusionMatrix.FromPredictions([0, 2], [0, 0], 2));
}
