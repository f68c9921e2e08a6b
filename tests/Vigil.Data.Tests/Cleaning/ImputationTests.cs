using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class ImputationTests
{
    // Observed 1, 2, 6, 6: mean 15/4 = 3.75, median (2 + 6)/2 = 4, mode 6.
    private static readonly Float64Column A = new("a", [1, NaN, 2, 6, NaN, 6]);

    [Theory]
    [InlineData(ImputationMethod.Mean, 3.75)]
    [InlineData(ImputationMethod.Median, 4.0)]
    [InlineData(ImputationMethod.Mode, 6.0)]
    public void Clean_NumericStatistic_FillsMissingWithTrainingStatistic(ImputationMethod method, double expected)
    {
        var result = DataCleaner.Clean(Frame(A), ImputeOnly(numeric: new ImputationRule(method)));

        Values(result.Frame, "a").ShouldBe([1, expected, 2, 6, expected, 6]);
        var count = result.Report.Imputations.ShouldHaveSingleItem();
        count.ShouldBe(new ImputationCount("a", method, Filled: 2, LeftMissing: 0, NumericValue: expected));
        result.Fitted.Imputations.ShouldBe([new ImputationFit("a", method, NumericValue: expected)]);
    }

    [Fact]
    public void Clean_NumericConstant_FillsConstant()
    {
        var result = DataCleaner.Clean(Frame(A), ImputeOnly(numeric: ImputationRule.Constant(-1)));

        Values(result.Frame, "a").ShouldBe([1, -1, 2, 6, -1, 6]);
    }

    [Fact]
    public void Clean_CategoricalModeTie_FillsOrdinallySmallestValue()
    {
        // x and y both appear twice; the tie goes to "x".
        var frame = Frame(CategoricalColumn.FromValues("c", ["y", "x", null, "y", "x", "z"]));

        var result = DataCleaner.Clean(frame, ImputeOnly());

        Texts(result.Frame, "c").ShouldBe(["y", "x", "x", "y", "x", "z"]);
        result.Report.Imputations.ShouldBe([new ImputationCount("c", ImputationMethod.Mode, 1, 0, TextValue: "x")]);
    }

    [Fact]
    public void Clean_CategoricalConstant_AddsCategory()
    {
        var frame = Frame(CategoricalColumn.FromValues("c", ["a", null]));

        var result = DataCleaner.Clean(frame, ImputeOnly(categorical: ImputationRule.Constant("unknown")));

        result.Frame.Get<CategoricalColumn>("c").Categories.ShouldBe(["a", "unknown"]);
        Texts(result.Frame, "c").ShouldBe(["a", "unknown"]);
    }

    [Fact]
    public void Clean_BooleanMode_FillsMostFrequent()
    {
        var frame = Frame(new BooleanColumn("ok", [true, null, false, true]));

        var result = DataCleaner.Clean(frame, ImputeOnly());

        result.Frame.Get<BooleanColumn>("ok")[1].ShouldBe(true);
    }

    [Fact]
    public void Clean_InterpolationByGroupAndTimestamp_InterpolatesOnTimeAxisWithinMachine()
    {
        // Rows are shuffled; per machine in time order: A: t0 10, t1 ?, t3 40, t4 ?  B: t0 ?, t2 5, t3 ?.
        // A@t1 = 10 + (1 − 0)/(3 − 0)·(40 − 10) = 20; the edges take the nearest observation: A@t4 = 40, B@t0 = B@t3 = 5.
        var frame = Interpolation();

        var result = DataCleaner.Clean(frame, ImputeOnly(numeric: ImputationRule.LinearInterpolation, group: "machine", time: "time"));

        Values(result.Frame, "v").ShouldBe([40, 10, 5, 20, 5, 40, 5]);
        result.Report.Imputations.ShouldBe([new ImputationCount("v", ImputationMethod.LinearInterpolation, 4, 0)]);
    }

    [Fact]
    public void Clean_InterpolationEdgesLeft_FillsOnlyInnerGaps()
    {
        var result = DataCleaner.Clean(
            Interpolation(), ImputeOnly(numeric: ImputationRule.LinearInterpolation, group: "machine", time: "time", edges: EdgeGapPolicy.Leave));

        Values(result.Frame, "v").ShouldBe([40, 10, 5, 20, NaN, NaN, NaN]);
        result.Report.Imputations.ShouldBe([new ImputationCount("v", ImputationMethod.LinearInterpolation, 1, 3)]);
    }

    [Fact]
    public void Clean_InterpolationWithoutTime_UsesRowPosition()
    {
        var result = DataCleaner.Clean(Frame(new Float64Column("v", [1, NaN, NaN, 4])), ImputeOnly(numeric: ImputationRule.LinearInterpolation));

        Values(result.Frame, "v").ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public void Clean_ForwardFillPerGroup_CarriesLastValueAndBackfillsLeadingGap()
    {
        // A in time order: ?, 7, ?  -> 7, 7, 7 (leading gap backfilled); B: ?, ? has no observation and stays missing.
        var frame = ForwardFill();

        var result = DataCleaner.Clean(frame, ImputeOnly(numeric: ImputationRule.ForwardFill, group: "machine", time: "t"));

        Values(result.Frame, "v").ShouldBe([7, 7, NaN, 7, NaN]);
        result.Report.Imputations.ShouldBe([new ImputationCount("v", ImputationMethod.ForwardFill, 2, 2)]);
    }

    [Fact]
    public void Clean_ForwardFillLeadingGapLeft_LeavesLeadingGap()
    {
        var result = DataCleaner.Clean(ForwardFill(), ImputeOnly(numeric: ImputationRule.ForwardFill, group: "machine", time: "t", edges: EdgeGapPolicy.Leave));

        Values(result.Frame, "v").ShouldBe([7, 7, NaN, NaN, NaN]);
    }

    [Fact]
    public void Clean_ForwardFillCategorical_CarriesLastTermWithinMachine()
    {
        var frame = Frame(
            CategoricalColumn.FromValues("machine", ["A", "B", "A", "B"]),
            CategoricalColumn.FromValues("state", ["run", "idle", null, null]));

        var result = DataCleaner.Clean(frame, ImputeOnly(categorical: ImputationRule.ForwardFill, group: "machine"));

        Texts(result.Frame, "state").ShouldBe(["run", "idle", "run", "idle"]);
    }

    [Fact]
    public void Clean_PerColumnRule_OverridesKindDefault()
    {
        var frame = Frame(new Float64Column("a", [1, NaN, 3]), new Float64Column("b", [1, NaN, 5]));

        var result = DataCleaner.Clean(frame, ImputeOnly(numeric: ImputationRule.Mean, columns: new Dictionary<string, ImputationRule> { ["b"] = ImputationRule.Constant(0) }));

        Values(result.Frame, "a").ShouldBe([1, 2, 3]);
        Values(result.Frame, "b").ShouldBe([1, 0, 5]);
    }

    [Fact]
    public void Fit_NumericOnlyRuleOnCategorical_ThrowsNamingColumn()
    {
        var frame = Frame(CategoricalColumn.FromValues("c", ["a", null]));

        var ex = Should.Throw<ArgumentException>(() => DataCleaner.Fit(frame, ImputeOnly(columns: new Dictionary<string, ImputationRule> { ["c"] = ImputationRule.Median })));

        ex.Message.ShouldContain("column 'c' is Categorical; Median needs a numeric column.");
    }

    private static DataFrame Interpolation()
    {
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        long Hours(int h) => t0.AddHours(h).UtcTicks;
        return Frame(
            CategoricalColumn.FromValues("machine", ["A", "A", "B", "A", "B", "A", "B"]),
            new TimestampColumn("time", [Hours(3), Hours(0), Hours(2), Hours(1), Hours(0), Hours(4), Hours(3)]),
            new Float64Column("v", [40, 10, 5, NaN, NaN, NaN, NaN]));
    }

    private static DataFrame ForwardFill() => Frame(
        CategoricalColumn.FromValues("machine", ["A", "A", "B", "A", "B"]),
        new Float64Column("t", [2, 3, 1, 1, 2]),
        new Float64Column("v", [7, NaN, NaN, NaN, NaN]));
}
