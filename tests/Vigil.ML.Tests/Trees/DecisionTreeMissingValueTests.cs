using Shouldly;
using Vigil.ML.Trees;
using Xunit;
using static Vigil.ML.Tests.Trees.DecisionTreeLearnerTests;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeMissingValueTests
{
    [Fact]
    public void Fit_MissingRowsBelongWithHighValues_LearnsMissingGoesRight()
    {
        double[][] rows = [[1], [2], [3], [double.NaN], [double.NaN], [4], [5], [6]];
        var model = new DecisionTreeLearner().Fit(Set(rows, [0, 0, 0, 1, 1, 1, 1, 1]));

        model.NodeCount.ShouldBe(3);
        model.Tree.Nodes[0].Threshold.ShouldBe(3.5);
        model.Tree.Nodes[0].MissingLeft.ShouldBeFalse();
        Proba(model, double.NaN).ShouldBe([0.0, 1.0]);
    }

    [Fact]
    public void Fit_MissingRowsBelongWithLowValues_LearnsMissingGoesLeft()
    {
        double[][] rows = [[1], [2], [3], [double.NaN], [double.NaN], [4], [5], [6]];
        var model = new DecisionTreeLearner().Fit(Set(rows, [0, 0, 0, 0, 0, 1, 1, 1]));

        model.NodeCount.ShouldBe(3);
        model.Tree.Nodes[0].MissingLeft.ShouldBeTrue();
        Proba(model, double.NaN).ShouldBe([1.0, 0.0]);
        Proba(model, 3.4).ShouldBe([1.0, 0.0]);
        Proba(model, 3.6).ShouldBe([0.0, 1.0]);
    }

    [Fact]
    public void Fit_MissingnessItselfIsTheSignal_SplitsPresentAgainstMissing()
    {
        double[][] rows = [[1], [2], [3], [4], [double.NaN], [double.NaN]];
        var model = new DecisionTreeLearner().Fit(Set(rows, [0, 0, 0, 0, 1, 1]));

        model.NodeCount.ShouldBe(3);
        model.Tree.Nodes[0].Threshold.ShouldBe(double.PositiveInfinity);
        Proba(model, double.NaN).ShouldBe([0.0, 1.0]);
        Proba(model, 1e300).ShouldBe([1.0, 0.0]);
    }

    [Fact]
    public void Fit_NoMissingInTraining_MissingFollowsHeavierChild()
    {
        var model = new DecisionTreeLearner().Fit(Set([[1], [2], [3], [4], [5], [6]], [0, 0, 1, 1, 1, 1]));

        model.Tree.Nodes[0].Threshold.ShouldBe(2.5);
        Proba(model, double.NaN).ShouldBe([0.0, 1.0]);
    }
}
