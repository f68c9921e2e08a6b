using Shouldly;
using Vigil.Data.Frames;

namespace Vigil.Features.Tests.Windows;

/// <summary>Tiny frames worked by hand, and helpers to compare columns with NaN.</summary>
internal static class WindowTestFrames
{
    /// <summary>
    /// Two machines, rows shuffled in time. In time order machine A is x = 1, 2, 4, 9 (rows 2, 4, 0, 6) and machine B is
    /// x = 20, 10, 5 (rows 3, 1, 5).
    /// </summary>
    public static DataFrame TwoMachines() => new(
    [
        CategoricalColumn.FromValues("unit", ["A", "B", "A", "B", "A", "B", "A"]),
        new Float64Column("t", [3, 2, 1, 1, 2, 3, 4]),
        new Float64Column("x", [4, 10, 1, 20, 2, 5, 9]),
    ]);

    /// <summary>One sequence in row order with missing values: 1, NaN, 3, NaN, NaN, NaN.</summary>
    public static DataFrame WithGaps() => new([new Float64Column("x", [1, double.NaN, 3, double.NaN, double.NaN, double.NaN])]);

    public static double[] Values(this DataFrame frame, string column) => frame.Get<Float64Column>(column).ToArray();

    /// <summary>Equal within 1e-12 (relative to magnitude), with NaN only where NaN is expected.</summary>
    public static void ShouldMatch(this double[] actual, params double[] expected)
    {
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                double.IsNaN(actual[i]).ShouldBeTrue($"row {i}: expected NaN, got {actual[i]}");
            }
            else
            {
                actual[i].ShouldBe(expected[i], 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"row {i}");
            }
        }
    }

    /// <summary>The same doubles bit for bit.</summary>
    public static void ShouldBeBitIdentical(this IReadOnlyList<double> actual, IReadOnlyList<double> expected, string because)
    {
        actual.Count.ShouldBe(expected.Count, because);
        for (var i = 0; i < expected.Count; i++)
        {
            BitConverter.DoubleToInt64Bits(actual[i]).ShouldBe(BitConverter.DoubleToInt64Bits(expected[i]), $"{because}, value {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }
}
