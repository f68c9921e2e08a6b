using Vigil.Data.Frames;

namespace Vigil.ML.Tests;

/// <summary>Small frames shared by the encoding, classifier and persistence tests.</summary>
internal static class Frames
{
    /// <summary>Six machines: Type (categorical), temperature (Float64, one NaN), Running (bool), Note (string), Failure (0/1).</summary>
    public static DataFrame Machines() => new(
    [
        CategoricalColumn.FromValues("Type", ["M", "L", "H", "L", null, "M"]),
        new Float64Column("Temp", [300, 301, double.NaN, 310, 312, 299]),
        new BooleanColumn("Running", [true, false, true, null, true, false]),
        new StringColumn("Note", ["a", "b", null, "d", "e", "f"]),
        new Float64Column("Failure", [0, 0, 0, 1, 1, 0]),
    ]);
}
