using Shouldly;

namespace Vigil.ML.Neural.Tests.Layers;

internal static class RecurrentAssertions
{
    /// <summary>Asserts that each units × units gate block of a [units × gates·units] matrix has orthonormal columns.</summary>
    public static void BlocksAreOrthogonal(float[] weights, int units, int gates)
    {
        var stride = units * gates;
        for (var gate = 0; gate < gates; gate++)
        {
            for (var a = 0; a < units; a++)
            {
                for (var b = 0; b < units; b++)
                {
                    double dot = 0;
                    for (var row = 0; row < units; row++)
                    {
                        dot += (double)weights[row * stride + gate * units + a] * weights[row * stride + gate * units + b];
                    }

                    dot.ShouldBe(a == b ? 1.0 : 0.0, 1e-5);
                }
            }
        }
    }
}
