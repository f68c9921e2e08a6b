using Vigil.Data.Frames;

namespace Vigil.Features.Tests;

/// <summary>Small seeded frames for the synthesis and selection tests.</summary>
internal static class TestFrames
{
    /// <summary>Columns a, b, c, d uniform on [1, 10] and a 0/1 target "y" = 1 where <paramref name="rule"/> holds.</summary>
    public static DataFrame Uniform(int rows, int seed, Func<double, double, double, double, bool> rule)
    {
        var random = new Random(seed);
        var cols = new double[4][];
        for (var c = 0; c < 4; c++)
        {
            cols[c] = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                cols[c][r] = 1 + (9 * random.NextDouble());
            }
        }

        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            y[r] = rule(cols[0][r], cols[1][r], cols[2][r], cols[3][r]) ? 1 : 0;
        }

        return new DataFrame([new Float64Column("a", cols[0]), new Float64Column("b", cols[1]), new Float64Column("c", cols[2]), new Float64Column("d", cols[3]), new Float64Column("y", y)]);
    }
}
