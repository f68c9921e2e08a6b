using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Windows;
using Xunit;

namespace Vigil.Features.Tests.Windows;

public sealed class WindowFeaturesTests
{
    private static readonly FeatureFitContext PerUnit = new(GroupColumn: "unit", TimeColumn: "t");
    private const double Nan = double.NaN;

    [Fact]
    public void Transform_TwoMachinesShuffled_GoldenStatisticsInOriginalRowOrder()
    {
        // A (rows 2, 4, 0, 6) = 1, 2, 4, 9; B (rows 3, 1, 5) = 20, 10, 5; window 3, at least 2 values.
        // A row 0 window [1, 2, 4]: mean 7/3, std √(7/3), slope ((−1)(−4/3) + (1)(5/3)) / 2 = 1.5.
        // A row 6 window [2, 4, 9]: mean 5, std √13, slope 7/2.  B row 5 window [20, 10, 5]: mean 35/3, std √(525/9), slope −7.5.
        var frame = WindowTestFrames.TwoMachines();
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [3], MinPeriods = 2 }).Fit(frame, PerUnit);

        var result = step.Transform(frame);

        step.OutputColumns.ShouldBe(["x_mean_w3", "x_std_w3", "x_min_w3", "x_max_w3", "x_slope_w3"]);
        result.Values("x").ShouldBe(frame.Values("x"));
        result.Values("x_mean_w3").ShouldMatch(7.0 / 3, 15, Nan, Nan, 1.5, 35.0 / 3, 5);
        result.Values("x_std_w3").ShouldMatch(Math.Sqrt(7.0 / 3), Math.Sqrt(50), Nan, Nan, Math.Sqrt(0.5), Math.Sqrt(525.0 / 9), Math.Sqrt(13));
        result.Values("x_min_w3").ShouldMatch(1, 10, Nan, Nan, 1, 5, 2);
        result.Values("x_max_w3").ShouldMatch(4, 20, Nan, Nan, 2, 20, 9);
        result.Values("x_slope_w3").ShouldMatch(1.5, -10, Nan, Nan, 1, -7.5, 3.5);
    }

    [Fact]
    public void Transform_SeveralWindows_NamesByColumnThenWindowThenStatistic()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new WindowFeatures(new WindowFeaturesOptions
        {
            Columns = ["x", "t"], WindowSizes = [2, 10], Statistics = [WindowStatistic.Max, WindowStatistic.Mean],
        }).Fit(frame, PerUnit);

        var result = step.Transform(frame);

        step.OutputColumns.ShouldBe(["x_max_w2", "x_mean_w2", "x_max_w10", "x_mean_w10", "t_max_w2", "t_mean_w2", "t_max_w10", "t_mean_w10"]);
        result.Values("x_mean_w2").ShouldMatch(3, 15, 1, 20, 1.5, 7.5, 6.5);
        result.Values("x_mean_w10").ShouldMatch(7.0 / 3, 15, 1, 20, 1.5, 35.0 / 3, 4);
    }

    [Fact]
    public void Transform_MissingValues_SkippedAndAllMissingWindowIsNaN()
    {
        // x = 1, NaN, 3, NaN, NaN, NaN; window 3: [1] → 1; [1, NaN] → 1; [1, NaN, 3] → mean 2, std √2, slope (3 − 1)/2 = 1
        // (positions 0 and 2); [NaN, 3, NaN] → 3; [3, NaN, NaN] → 3; [NaN, NaN, NaN] → NaN. One value: std and slope NaN.
        var frame = WindowTestFrames.WithGaps();
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [3] }).Fit(frame, new FeatureFitContext());

        var result = step.Transform(frame);

        result.Values("x_mean_w3").ShouldMatch(1, 1, 2, 3, 3, Nan);
        result.Values("x_std_w3").ShouldMatch(Nan, Nan, Math.Sqrt(2), Nan, Nan, Nan);
        result.Values("x_min_w3").ShouldMatch(1, 1, 1, 3, 3, Nan);
        result.Values("x_max_w3").ShouldMatch(1, 1, 3, 3, 3, Nan);
        result.Values("x_slope_w3").ShouldMatch(Nan, Nan, 1, Nan, Nan, Nan);
    }

    [Fact]
    public void Transform_MinPeriodsCountsNonMissingValues_FewerGiveNaN()
    {
        var frame = WindowTestFrames.WithGaps();
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [3], MinPeriods = 2, Statistics = [WindowStatistic.Mean] })
            .Fit(frame, new FeatureFitContext());

        step.Transform(frame).Values("x_mean_w3").ShouldMatch(Nan, Nan, 2, Nan, Nan, Nan);
    }

    [Fact]
    public void Transform_TimestampTimeWithTies_TiesKeepOriginalRowOrder()
    {
        // Times 5, 5, 1: order is row 2, then rows 0 and 1 (tie kept in row order); max over the last 2 rows.
        var frame = new DataFrame(
        [
            new TimestampColumn("at", [5, 5, 1]),
            new Float64Column("x", [10, 20, 30]),
        ]);
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [2], Statistics = [WindowStatistic.Min], TimeColumn = "at" })
            .Fit(frame, new FeatureFitContext());

        step.Transform(frame).Values("x_min_w2").ShouldMatch(10, 10, 30);
    }

    [Fact]
    public void Fit_OptionsColumns_OverrideTheContext()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [2], Statistics = [WindowStatistic.Mean], GroupColumn = "unit", TimeColumn = "t" })
            .Fit(frame, new FeatureFitContext(GroupColumn: "nope", TimeColumn: "nope"));

        step.InputSchema.Columns.Select(c => c.Name).ShouldBe(["x", "unit", "t"]);
        step.Transform(frame).Values("x_mean_w2").ShouldMatch(3, 15, 1, 20, 1.5, 7.5, 6.5);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblemAtOnce()
    {
        var ex = Should.Throw<ArgumentException>(() => new WindowFeatures(new WindowFeaturesOptions
        {
            Columns = ["a", "a"], WindowSizes = [0, 5], Statistics = [], MinPeriods = 0, GroupColumn = " ",
        }));

        ex.Message.ShouldContain("Columns repeat: a");
        ex.Message.ShouldContain("WindowSizes must be between 1");
        ex.Message.ShouldContain("Statistics must hold at least one");
        ex.Message.ShouldContain("MinPeriods must be at least 1");
        ex.Message.ShouldContain("GroupColumn");
    }

    [Fact]
    public void Constructor_MinPeriodsAboveSmallestWindow_Fails()
    {
        Should.Throw<ArgumentException>(() => new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [3, 10], MinPeriods = 4 }))
            .Message.ShouldContain("smallest window (3)");
    }

    [Fact]
    public void Fit_MissingAndMistypedColumns_FailNamingEach()
    {
        var frame = WindowTestFrames.TwoMachines();
        var transform = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x", "unit", "pressure"], WindowSizes = [3] });

        var ex = Should.Throw<ArgumentException>(() => transform.Fit(frame, new FeatureFitContext(GroupColumn: "machine", TimeColumn: "unit")));

        ex.Message.ShouldContain("column 'pressure' is missing");
        ex.Message.ShouldContain("column 'unit' is Categorical, not Float64");
        ex.Message.ShouldContain("group column 'machine' is missing");
        ex.Message.ShouldContain("time column 'unit' is Categorical, not Float64 or Timestamp");
        ex.Message.ShouldContain("The frame has: unit, t, x");
    }

    [Fact]
    public void Transform_FrameWithoutAFittedColumn_FailsClearly()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [3] }).Fit(frame, PerUnit);

        Should.Throw<ArgumentException>(() => step.Transform(frame.Drop("x"))).Message.ShouldContain("rolling step cannot run on this frame: column 'x' is missing");
        Should.Throw<ArgumentException>(() => step.Transform(frame.WithColumn(new Float64Column("unit", new double[7]))))
            .Message.ShouldContain("group column 'unit' is Float64, not Categorical (as at fit)");
    }

    [Fact]
    public void Transform_MissingTime_FailsNamingTheRow()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [3] }).Fit(frame, PerUnit);

        Should.Throw<ArgumentException>(() => step.Transform(frame.WithColumn(new Float64Column("t", [3, 2, 1, double.NaN, 2, 3, 4]))))
            .Message.ShouldContain("Time column 't' is missing at row 3");
    }
}
