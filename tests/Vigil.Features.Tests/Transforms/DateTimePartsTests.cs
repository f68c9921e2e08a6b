using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

public sealed class DateTimePartsTests
{
    // Thursday 29 February 2024, 13:45 UTC: day 60 of a leap year; then a missing timestamp.
    private static DataFrame Frame() => new([new TimestampColumn("ts", [TinyFrames.Utc(2024, 2, 29, 13, 45), TimestampColumn.MissingTicks])]);

    [Fact]
    public void Transform_LeapDay_ExtractsEveryPart()
    {
        var result = FeatureTransforms.DateTimeParts().Fit(Frame(), new()).Transform(Frame());

        result.ColumnNames.ShouldBe(["ts", "ts_year", "ts_month", "ts_day", "ts_weekday", "ts_hour", "ts_day_of_year"]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_year"), [2024, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_month"), [2, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_day"), [29, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_weekday"), [3, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_hour"), [13, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_day_of_year"), [60, double.NaN]);
    }

    [Fact]
    public void Transform_Cyclic_AddsSinCosOnTheUnitCircle()
    {
        var options = new DateTimePartsOptions { Parts = [DateTimePart.Year, DateTimePart.Hour, DateTimePart.Weekday], Cyclic = true, DropInput = true };

        var result = FeatureTransforms.DateTimeParts(options).Fit(Frame(), new()).Transform(Frame());

        result.ColumnNames.ShouldBe(["ts_year", "ts_hour", "ts_hour_sin", "ts_hour_cos", "ts_weekday", "ts_weekday_sin", "ts_weekday_cos"]);

        // Hour 13 of 24: angle 13π/12. Weekday 3 of 7: angle 6π/7.
        TransformAssert.Near(TransformAssert.Values(result, "ts_hour_sin"), [-0.25881904510252074, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_hour_cos"), [-0.96592582628906831, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_weekday_sin"), [0.43388373911755818, double.NaN]);
        TransformAssert.Near(TransformAssert.Values(result, "ts_weekday_cos"), [-0.90096886790241915, double.NaN]);
    }

    [Fact]
    public void Create_RepeatedOrNoParts_Throws()
    {
        Should.Throw<ArgumentException>(() => FeatureTransforms.DateTimeParts(new DateTimePartsOptions { Parts = [] })).Message.ShouldContain("at least one part");
        Should.Throw<ArgumentException>(() => FeatureTransforms.DateTimeParts(new DateTimePartsOptions { Parts = [DateTimePart.Hour, DateTimePart.Hour] })).Message.ShouldContain("must not repeat");
    }
}
