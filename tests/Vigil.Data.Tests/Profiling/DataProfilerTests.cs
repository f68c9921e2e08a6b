using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Profiling;
using Xunit;

namespace Vigil.Data.Tests.Profiling;

public sealed class DataProfilerTests
{
    private static DataFrame Tiny() => new(
    [
        new Float64Column("x", [1, 2, double.NaN, 4, 0]),
        CategoricalColumn.FromValues("c", ["b", "a", "b", null, "a"]),
        new StringColumn("s", ["z", "y", "z", "z", null]),
        new BooleanColumn("flag", [true, false, null, true, true]),
        new TimestampColumn("t",
        [
            new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks,
            TimestampColumn.MissingTicks,
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks,
            new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks,
            new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks,
        ]),
    ]);

    [Fact]
    public void Profile_TinyFrame_CountsRowsAndColumns()
    {
        var profile = DataProfiler.Profile(Tiny());

        profile.RowCount.ShouldBe(5);
        profile.ColumnCount.ShouldBe(5);
        profile.Columns.Select(c => c.Name).ShouldBe(["x", "c", "s", "flag", "t"]);
    }

    [Fact]
    public void Profile_NumericColumn_MatchesHandComputedStatistics()
    {
        // Non-missing sorted: 0, 1, 2, 4 (n = 4). Mean 1.75; squared deviations 3.0625 + 0.5625 + 0.0625 + 5.0625 = 8.75;
        // sample variance 8.75 / 3; quantiles with h = 3p: p05 h=.15 -> .15, p25 h=.75 -> .75, p50 h=1.5 -> 1.5,
        // p75 h=2.25 -> 2 + .25*2 = 2.5, p95 h=2.85 -> 2 + .85*2 = 3.7.
        var x = DataProfiler.Profile(Tiny()).Find("x")!;

        x.Kind.ShouldBe(ColumnKind.Float64);
        x.Count.ShouldBe(4);
        x.MissingCount.ShouldBe(1);
        x.MissingPercent.ShouldBe(20.0);
        x.DistinctCount.ShouldBe(4);
        var n = x.Numeric.ShouldNotBeNull();
        n.Min.ShouldBe(0);
        n.Max.ShouldBe(4);
        n.Mean.ShouldBe(1.75);
        n.Std!.Value.ShouldBe(Math.Sqrt(8.75 / 3), 1e-12);
        n.P05!.Value.ShouldBe(0.15, 1e-12);
        n.P25!.Value.ShouldBe(0.75, 1e-12);
        n.P50!.Value.ShouldBe(1.5, 1e-12);
        n.P75!.Value.ShouldBe(2.5, 1e-12);
        n.P95!.Value.ShouldBe(3.7, 1e-12);
        n.ZeroCount.ShouldBe(1);
        x.TopValues.ShouldBeNull();
    }

    [Fact]
    public void Profile_SingleValue_StdIsNullNotNaN()
    {
        var profile = DataProfiler.Profile(new DataFrame([new Float64Column("x", [3, double.NaN])]));

        var n = profile.Columns[0].Numeric.ShouldNotBeNull();
        n.Std.ShouldBeNull();
        n.P05.ShouldBe(3);
        n.P95.ShouldBe(3);
    }

    [Fact]
    public void Profile_AllMissingNumeric_HasEmptySummary()
    {
        var c = DataProfiler.Profile(new DataFrame([new Float64Column("x", [double.NaN, double.NaN])])).Columns[0];

        c.MissingPercent.ShouldBe(100);
        c.DistinctCount.ShouldBe(0);
        c.Numeric.ShouldNotBeNull().Min.ShouldBeNull();
    }

    [Fact]
    public void Profile_CategoricalColumn_TopValuesTiesBrokenByOrdinalValue()
    {
        var c = DataProfiler.Profile(Tiny()).Find("c")!;

        c.MissingCount.ShouldBe(1);
        c.DistinctCount.ShouldBe(2);
        c.TopValues.ShouldBe([new ValueCount("a", 2), new ValueCount("b", 2)]);
    }

    [Fact]
    public void Profile_TopK_KeepsOnlyMostFrequent()
    {
        var s = DataProfiler.Profile(Tiny(), new ProfileOptions(topK: 1)).Find("s")!;

        s.DistinctCount.ShouldBe(2);
        s.TopValues.ShouldBe([new ValueCount("z", 3)]);
    }

    [Fact]
    public void Profile_BooleanColumn_CountsTrueAndFalse()
    {
        var flag = DataProfiler.Profile(Tiny()).Find("flag")!;

        flag.MissingCount.ShouldBe(1);
        flag.DistinctCount.ShouldBe(2);
        flag.TopValues.ShouldBe([new ValueCount("true", 3), new ValueCount("false", 1)]);
    }

    [Fact]
    public void Profile_TimestampColumn_HasMinMaxAndDistinct()
    {
        var t = DataProfiler.Profile(Tiny()).Find("t")!;

        t.MissingCount.ShouldBe(1);
        t.DistinctCount.ShouldBe(3);
        t.Timestamps.ShouldBe(new TimestampRange(
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Profile_EmptyFrame_HasNoColumns()
    {
        var profile = DataProfiler.Profile(DataFrame.Empty);

        profile.RowCount.ShouldBe(0);
        profile.Columns.ShouldBeEmpty();
    }

    [Fact]
    public void ProfileOptions_InvalidTopK_Throws()
    {
        Should.Throw<ArgumentException>(() => new ProfileOptions(topK: 0)).Message.ShouldContain("topK");
    }
}
