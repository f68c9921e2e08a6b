using Shouldly;
using Vigil.Data.Splits;
using Xunit;

namespace Vigil.Data.Tests.Splits;

public sealed class GroupSplitTests
{
    private static readonly int[] Units = [.. Enumerable.Range(0, 1000).Select(i => (i / 10) + 1)];  // 100 units of 10 rows

    [Fact]
    public void Split_TenPercentOfUnits_HoldsOutTenWholeUnits()
    {
        var split = GroupSplit.Split<int>(Units, 0.1, seed: 0);

        var testUnits = split.Test.ToArray().Select(r => Units[r]).Distinct().ToArray();
        testUnits.Length.ShouldBe(10);
        split.TestCount.ShouldBe(100);
        split.Train.ToArray().ShouldAllBe(r => !testUnits.Contains(Units[r]));
    }

    [Fact]
    public void Split_Seed_ChangesTheUnitsButIsRepeatable()
    {
        GroupSplit.Split<int>(Units, 0.1, 4).Test.ToArray().ShouldBe(GroupSplit.Split<int>(Units, 0.1, 4).Test.ToArray());
        GroupSplit.Split<int>(Units, 0.1, 4).Test.ToArray().ShouldNotBe(GroupSplit.Split<int>(Units, 0.1, 5).Test.ToArray());
    }

    [Theory]
    [InlineData(2, 0.1, 1)]
    [InlineData(3, 0.9, 2)]
    [InlineData(10, 0.25, 3)]
    public void TestGroupCount_Fraction_RoundsAndKeepsBothSides(int groups, double fraction, int expected) =>
        GroupSplit.TestGroupCount(groups, fraction).ShouldBe(expected);

    [Fact]
    public void Split_OneGroup_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => GroupSplit.Split<string>(["m1", "m1"], 0.5, 0)).Message.ShouldContain("at least 2 distinct groups");
}
