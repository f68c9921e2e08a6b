using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Windows;
using Xunit;

namespace Vigil.Features.Tests.Windows;

public sealed class LagDiffCumulativeTests
{
    private static readonly FeatureFitContext PerUnit = new(GroupColumn: "unit", TimeColumn: "t");
    private const double Nan = double.NaN;

    [Fact]
    public void Lag_TwoMachinesShuffled_EarlierValuesOfTheSameMachine()
    {
        // A (rows 2, 4, 0, 6) = 1, 2, 4, 9; B (rows 3, 1, 5) = 20, 10, 5.
        var frame = WindowTestFrames.TwoMachines();
        var step = new LagFeatures(new LagFeaturesOptions { Columns = ["x"], Lags = [1, 2] }).Fit(frame, PerUnit);

        var result = step.Transform(frame);

        step.OutputColumns.ShouldBe(["x_lag1", "x_lag2"]);
        result.Values("x_lag1").ShouldMatch(2, 20, Nan, Nan, 1, 10, 4);
        result.Values("x_lag2").ShouldMatch(1, Nan, Nan, Nan, Nan, 20, 2);
    }

    [Fact]
    public void Diff_TwoMachinesShuffled_ValueMinusLag()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new DiffFeatures(new DiffFeaturesOptions { Columns = ["x"], Periods = [1, 3] }).Fit(frame, PerUnit);

        var result = step.Transform(frame);

        result.Values("x_diff1").ShouldMatch(2, -10, Nan, Nan, 1, -5, 5);
        result.Values("x_diff3").ShouldMatch(Nan, Nan, Nan, Nan, Nan, Nan, 8);
    }

    [Fact]
    public void Cumulative_TwoMachinesShuffled_RunningSumAndCountPerMachine()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new CumulativeFeatures(new CumulativeFeaturesOptions { Columns = ["x"], IncludeCount = true }).Fit(frame, PerUnit);

        var result = step.Transform(frame);

        step.OutputColumns.ShouldBe(["x_cumsum", "x_cumcount"]);
        result.Values("x_cumsum").ShouldMatch(7, 30, 1, 20, 3, 35, 16);
        result.Values("x_cumcount").ShouldMatch(3, 2, 1, 1, 2, 3, 4);
    }

    [Fact]
    public void Cumulative_MissingValues_CarryTheSumAndStartAsNaN()
    {
        var frame = new DataFrame([new Float64Column("x", [Nan, 2, Nan, 3])]);
        var step = new CumulativeFeatures(new CumulativeFeaturesOptions { Columns = ["x"], IncludeCount = true }).Fit(frame, new FeatureFitContext());

        var result = step.Transform(frame);

        result.Values("x_cumsum").ShouldMatch(Nan, 2, 2, 5);
        result.Values("x_cumcount").ShouldMatch(0, 1, 1, 2);
    }

    [Fact]
    public void LagAndDiff_MissingValues_PropagateAsNaN()
    {
        var frame = WindowTestFrames.WithGaps();
        var context = new FeatureFitContext();

        new LagFeatures(new LagFeaturesOptions { Columns = ["x"] }).Fit(frame, context).Transform(frame)
            .Values("x_lag1").ShouldMatch(Nan, 1, Nan, 3, Nan, Nan);
        new DiffFeatures(new DiffFeaturesOptions { Columns = ["x"], Periods = [2] }).Fit(frame, context).Transform(frame)
            .Values("x_diff2").ShouldMatch(Nan, Nan, 2, Nan, Nan, Nan);
    }

    [Fact]
    public void Lag_UnsortedTimesWithTies_TimeThenOriginalRowOrder()
    {
        // Times 2, 1, 2, 1 → order rows 1, 3 (time 1), then rows 0, 2 (time 2): x = 20, 40, 10, 30.
        var frame = new DataFrame([new Float64Column("t", [2, 1, 2, 1]), new Float64Column("x", [10, 20, 30, 40])]);
        var step = new LagFeatures(new LagFeaturesOptions { Columns = ["x"] }).Fit(frame, new FeatureFitContext(TimeColumn: "t"));

        step.Transform(frame).Values("x_lag1").ShouldMatch(40, Nan, 10, 20);
    }

    [Fact]
    public void Lag_NoGroupNoTime_WholeFrameInRowOrder()
    {
        var frame = WindowTestFrames.TwoMachines();
        var step = new LagFeatures(new LagFeaturesOptions { Columns = ["x"] }).Fit(frame, new FeatureFitContext());

        step.InputSchema.Columns.Select(c => c.Name).ShouldBe(["x"]);
        step.Transform(frame).Values("x_lag1").ShouldMatch(Nan, 4, 10, 1, 20, 2, 5);
    }

    [Fact]
    public void Lag_StringGroupColumnWithMissingIds_MissingIdsFormOneGroup()
    {
        var frame = new DataFrame(
        [
            new StringColumn("unit", ["a", null, "a", null]),
            new Float64Column("x", [1, 2, 3, 4]),
        ]);
        var step = new LagFeatures(new LagFeaturesOptions { Columns = ["x"], GroupColumn = "unit" }).Fit(frame, new FeatureFitContext());

        step.Transform(frame).Values("x_lag1").ShouldMatch(Nan, Nan, 1, 2);
    }

    [Fact]
    public void Constructors_InvalidOptions_Fail()
    {
        Should.Throw<ArgumentException>(() => new LagFeatures(new LagFeaturesOptions { Columns = [], Lags = [1, 1] }))
            .Message.ShouldSatisfyAllConditions(m => m.ShouldContain("Columns must name"), m => m.ShouldContain("Lags must not repeat"));
        Should.Throw<ArgumentException>(() => new DiffFeatures(new DiffFeaturesOptions { Columns = ["x"], Periods = [-1] }))
            .Message.ShouldContain("Periods must be between 1");
        Should.Throw<ArgumentException>(() => new CumulativeFeatures(new CumulativeFeaturesOptions { Columns = [" "] }))
            .Message.ShouldContain("blank");
    }
}
