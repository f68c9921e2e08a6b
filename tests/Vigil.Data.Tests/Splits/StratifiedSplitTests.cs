using Shouldly;
using Vigil.Data.Splits;
using Xunit;

namespace Vigil.Data.Tests.Splits;

public sealed class StratifiedSplitTests
{
    private static int[] Labels(int negatives, int positives) =>
        [.. Enumerable.Repeat(0, negatives), .. Enumerable.Repeat(1, positives)];

    [Fact]
    public void Split_ImbalancedClasses_KeepsExactPerClassCounts()
    {
        var labels = Labels(9661, 339);

        var split = StratifiedSplit.Split(labels, 0.2, seed: 0);

        split.TestCount.ShouldBe(2000);
        split.TrainCount.ShouldBe(8000);
        split.Test.ToArray().Count(r => labels[r] == 1).ShouldBe(68);
        split.Test.ToArray().Count(r => labels[r] == 0).ShouldBe(1932);
    }

    [Fact]
    public void Split_Always_PartitionsAllRowsAscending()
    {
        var labels = Labels(37, 13);

        var split = StratifiedSplit.Split(labels, 0.3, seed: 5);

        var all = split.Train.ToArray().Concat(split.Test.ToArray()).Order().ToArray();
        all.ShouldBe(Enumerable.Range(0, 50).ToArray());
        split.Train.ToArray().ShouldBe(split.Train.ToArray().Order().ToArray());
        split.Test.ToArray().ShouldBe(split.Test.ToArray().Order().ToArray());
    }

    [Fact]
    public void Split_SameSeed_GivesSameRows()
    {
        var labels = Labels(100, 20);

        var a = StratifiedSplit.Split(labels, 0.25, seed: 3);
        var b = StratifiedSplit.Split(labels, 0.25, seed: 3);
        var c = StratifiedSplit.Split(labels, 0.25, seed: 4);

        a.Test.ToArray().ShouldBe(b.Test.ToArray());
        c.Test.ToArray().ShouldNotBe(a.Test.ToArray());
    }

    [Theory]
    [InlineData(5, 0.5, 3)]
    [InlineData(339, 0.2, 68)]
    [InlineData(7, 0.2, 1)]
    [InlineData(1, 0.2, 0)]
    [InlineData(2, 0.25, 1)]
    public void TestCount_Fraction_RoundsHalfAwayFromZero(int classCount, double fraction, int expected) =>
        StratifiedSplit.TestCount(classCount, fraction).ShouldBe(expected);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Split_FractionOutOfRange_Throws(double fraction) =>
        Should.Throw<ArgumentOutOfRangeException>(() => StratifiedSplit.Split(new int[] { 0, 1 }, fraction, 0));

    [Fact]
    public void Split_UnsortedLabelValues_GroupsByValue()
    {
        int[] labels = [7, -1, 7, -1, 7, -1, 7, -1];

        var split = StratifiedSplit.Split(labels, 0.5, seed: 1);

        split.Test.ToArray().Count(r => labels[r] == 7).ShouldBe(2);
        split.Test.ToArray().Count(r => labels[r] == -1).ShouldBe(2);
    }
}
