using Shouldly;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Trees;

public sealed class ImpurityTests
{
    [Theory]
    [InlineData(SplitCriterion.Gini, 2, 6, 0.375)]
    [InlineData(SplitCriterion.Gini, 5, 5, 0.5)]
    [InlineData(SplitCriterion.Gini, 0, 7, 0.0)]
    [InlineData(SplitCriterion.Entropy, 2, 6, 0.8112781244591328)]
    [InlineData(SplitCriterion.Entropy, 5, 5, 1.0)]
    [InlineData(SplitCriterion.Entropy, 0, 7, 0.0)]
    public void Of_TwoClassCounts_MatchesHandComputedValue(SplitCriterion criterion, double a, double b, double expected) =>
        Impurity.Of(criterion, [a, b]).ShouldBe(expected, 1e-12);

    [Fact]
    public void Of_ThreeEqualClasses_GivesMaximum()
    {
        Impurity.Of(SplitCriterion.Gini, [1, 1, 1]).ShouldBe(2.0 / 3, 1e-12);
        Impurity.Of(SplitCriterion.Entropy, [1, 1, 1]).ShouldBe(Math.Log2(3), 1e-12);
    }
}
