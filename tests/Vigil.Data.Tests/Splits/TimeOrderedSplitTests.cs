using Shouldly;
using Vigil.Data.Splits;
using Xunit;

namespace Vigil.Data.Tests.Splits;

public sealed class TimeOrderedSplitTests
{
    [Fact]
    public void Split_Overall_HoldsOutTheLatestRows()
    {
        double[] times = [5, 1, 4, 2, 3, 6, 0, 7, 9, 8];

        var split = TimeOrderedSplit.Split<double>(times, 0.3);

        split.Test.ToArray().ShouldBe([7, 8, 9]);  // times 7, 9, 8
    }

    [Fact]
    public void Split_EqualTimes_BrokenByRowIndex()
    {
        var split = TimeOrderedSplit.Split<long>([1L, 1, 1, 1], 0.5);

        split.Test.ToArray().ShouldBe([2, 3]);
    }

    [Fact]
    public void Split_PerGroup_HoldsOutEachGroupsLastCycles()
    {
        int[] cycles = [1, 2, 3, 4, 1, 2, 1, 2, 3, 4, 5];
        string[] units = ["u1", "u1", "u1", "u1", "u2", "u2", "u3", "u3", "u3", "u3", "u3"];

        var split = TimeOrderedSplit.Split<int, string>(cycles, units, 0.4);

        // u1: round(1.6) = 2 -> cycles 3, 4; u2: round(0.8) = 1 -> cycle 2; u3: round(2.0) = 2 -> cycles 4, 5.
        split.Test.ToArray().ShouldBe([2, 3, 5, 9, 10]);
    }

    [Fact]
    public void Split_NaNTime_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => TimeOrderedSplit.Split<double>([1, double.NaN, 3], 0.5)).Message.ShouldContain("Row 1");

    [Fact]
    public void Split_SingleRowGroups_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => TimeOrderedSplit.Split<int, int>([1, 2], [1, 2], 0.4)).Message.ShouldContain("No group");
}
