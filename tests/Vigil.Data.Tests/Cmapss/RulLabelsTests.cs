using Shouldly;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Xunit;

namespace Vigil.Data.Tests.Cmapss;

public sealed class RulLabelsTests
{
    [Fact]
    public void Add_Cap3_IsPiecewiseLinearPerUnit()
    {
        var frame = RulLabels.Add(TinyCmapss.Train(), cap: 3);

        frame.Get<Float64Column>("rul").ToArray().ShouldBe([3, 3, 2, 1, 0, 1, 0]);
    }

    [Fact]
    public void Add_DefaultCap_LeavesShortUnitsUncapped() =>
        RulLabels.Add(TinyCmapss.Train()).Get<Float64Column>("rul").ToArray().ShouldBe([4, 3, 2, 1, 0, 1, 0]);

    [Fact]
    public void Add_NonPositiveCap_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RulLabels.Add(TinyCmapss.Train(), 0));
}
