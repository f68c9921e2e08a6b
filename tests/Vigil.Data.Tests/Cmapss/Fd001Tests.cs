using Shouldly;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.Testing;
using Xunit;

namespace Vigil.Data.Tests.Cmapss;

public sealed class Fd001Tests
{
    [Fact]
    public void Read_TrainFile_Has100UnitsAnd20631Rows()
    {
        var train = CmapssReader.Read(RepoPaths.RequireSharedFile("data", "cmapss", "train_FD001.txt"));

        train.RowCount.ShouldBe(20_631);
        train.Get<Float64Column>("unit").ToArray().Distinct().Count().ShouldBe(100);
    }

    [Fact]
    public void Protocol_TestFile_100LastWindowsMatchingRulFile()
    {
        var train = RulLabels.Add(CmapssReader.Read(RepoPaths.RequireSharedFile("data", "cmapss", "train_FD001.txt")));
        var test = CmapssReader.Read(RepoPaths.RequireSharedFile("data", "cmapss", "test_FD001.txt"));
        var rul = CmapssReader.ReadRul(RepoPaths.RequireSharedFile("data", "cmapss", "RUL_FD001.txt"));
        var windows = new RulWindows();
        var scaler = MinMaxScaler.Fit(train, windows.Options.SensorColumns);

        var trainWindows = windows.Build(scaler.Transform(train));
        var last = windows.LastWindows(scaler.Transform(test));

        test.Get<Float64Column>("unit").ToArray().Distinct().Count().ShouldBe(100);
        rul.Length.ShouldBe(100);
        last.Count.ShouldBe(100);
        last.UnitIds.ShouldBe(Enumerable.Range(1, 100));
        last.Features.ShouldBe(14);
        trainWindows.Count.ShouldBe(20_631 - (100 * 29)); // every FD001 training unit is longer than 30 cycles
        trainWindows.Targets.Max().ShouldBe(125f);
        trainWindows.Targets.Min().ShouldBe(0f);
        trainWindows.Values.ShouldAllBe(v => v >= 0f && v <= 1f);
    }
}
