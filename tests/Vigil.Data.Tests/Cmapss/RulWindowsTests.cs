using Shouldly;
using Vigil.Data.Cmapss;
using Xunit;

namespace Vigil.Data.Tests.Cmapss;

public sealed class RulWindowsTests
{
    private static readonly RulWindowOptions Tiny = new(["s2", "s3"], windowLength: 3, stride: 2);

    [Fact]
    public void Build_Stride2_WindowsTargetsAndFrontPadding()
    {
        var windows = new RulWindows(Tiny).Build(RulLabels.Add(TinyCmapss.Train(), cap: 3));

        windows.Count.ShouldBe(3);
        windows.Length.ShouldBe(3);
        windows.Features.ShouldBe(2);
        windows.UnitIds.ShouldBe([1, 1, 2]);
        windows.EndCycles.ShouldBe([3, 5, 2]);
        windows.Targets.ShouldBe([2f, 0f, 0f]);
        windows.Window(0).ToArray().ShouldBe([11f, -1f, 21f, -2f, 31f, -3f]);
        windows.Window(1).ToArray().ShouldBe([31f, -3f, 41f, -4f, 51f, -5f]);
        windows.Window(2).ToArray().ShouldBe([12f, -1f, 12f, -1f, 22f, -2f]); // unit 2 padded with its first row
    }

    [Fact]
    public void Build_Stride1_OneWindowPerFullEnd()
    {
        var windows = new RulWindows(new RulWindowOptions(["s2"], windowLength: 3)).Build(TinyCmapss.Train());

        windows.EndCycles.ShouldBe([3, 4, 5, 2]);
        windows.Targets.ShouldBeEmpty();
    }

    [Fact]
    public void Build_SkipPadding_DropsShortUnits() =>
        new RulWindows(new RulWindowOptions(["s2"], windowLength: 3, padding: RulPadding.Skip)).Build(TinyCmapss.Train()).UnitIds.ShouldBe([1, 1, 1]);

    [Fact]
    public void LastWindows_TinyFile_OneWindowPerUnitEndingAtLastCycle()
    {
        var windows = new RulWindows(Tiny).LastWindows(TinyCmapss.Train());

        windows.UnitIds.ShouldBe([1, 2]);
        windows.EndCycles.ShouldBe([5, 2]);
        windows.Values.ShouldBe([31f, -3f, 41f, -4f, 51f, -5f, 12f, -1f, 12f, -1f, 22f, -2f]);
    }

    [Fact]
    public void Build_RowsOutOfOrder_Throws()
    {
        var frame = TinyCmapss.Train().Take([1, 0]);

        Should.Throw<ArgumentException>(() => new RulWindows(Tiny).Build(frame)).Message.ShouldContain("sort rows by unit and cycle");
    }

    [Fact]
    public void Options_Defaults_AreTheProtocol()
    {
        var options = new RulWindowOptions();

        options.SensorColumns.ShouldBe(["s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s15", "s17", "s20", "s21"]);
        options.WindowLength.ShouldBe(30);
        options.Stride.ShouldBe(1);
        options.Padding.ShouldBe(RulPadding.RepeatFirstRow);
    }

    [Fact]
    public void Options_SeveralErrors_ReportedTogether()
    {
        var message = Should.Throw<ArgumentException>(() => new RulWindowOptions([], windowLength: 0, stride: -1)).Message;

        message.ShouldContain("SensorColumns");
        message.ShouldContain("WindowLength");
        message.ShouldContain("Stride");
    }
}
