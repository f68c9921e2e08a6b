using Vigil.Data.Frames;

namespace Vigil.Features.Tests.Transforms;

/// <summary>Tiny frames with golden values worked out by hand.</summary>
internal static class TinyFrames
{
    public static long Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).Ticks;

    /// <summary>Eight rows of every column kind, plus a target "label".</summary>
    public static DataFrame Mixed() => new(
    [
        new Float64Column("x", [1, 2, 3, 4, double.NaN, 6, 7, 50]),
        new Float64Column("y", [2, 1, 2, 1, 2, 1, 2, 40]),
        CategoricalColumn.FromValues("color", ["red", "blue", "red", null, "green", "blue", "red", "blue"]),
        new StringColumn("site", ["a", "b", "a", "b", "a", null, "a", "b"]),
        new BooleanColumn("flag", [true, false, null, true, true, false, true, false]),
        new TimestampColumn("ts", [Utc(2024, 2, 29, 13, 45), Utc(2024, 3, 1), TimestampColumn.MissingTicks, Utc(2023, 12, 31, 23), Utc(2024, 1, 1), Utc(2024, 6, 15, 6), Utc(2024, 7, 4, 12), Utc(2024, 12, 25, 18)]),
        CategoricalColumn.FromValues("label", ["no", "no", "yes", "no", "yes", "no", "yes", "yes"]),
    ]);
}
