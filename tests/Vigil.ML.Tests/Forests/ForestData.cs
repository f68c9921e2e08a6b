namespace Vigil.ML.Tests.Forests;

/// <summary>Seeded synthetic data for forest tests.</summary>
internal static class ForestData
{
    /// <summary>Label 1 iff x0 + 0.5·x1 &gt; 0.75 (x uniform in [0, 1)), flipped with probability <paramref name="noise"/>; x2..x4 are noise.</summary>
    public static ClassificationSet Classification(int rows, int seed, double noise = 0.1)
    {
        var random = new Random(seed);
        const int P = 5;
        var x = new double[rows * P];
        var y = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < P; f++)
            {
                x[(r * P) + f] = random.NextDouble();
            }

            var label = x[r * P] + (0.5 * x[(r * P) + 1]) > 0.75 ? 1 : 0;
            y[r] = random.NextDouble() < noise ? 1 - label : label;
        }

        return new ClassificationSet(new FeatureMatrix(rows, P, x), y, 2);
    }

    /// <summary>Integer features in [0, 8) with label 1 iff x0 &gt; 3 xor x1 &gt; 5, flipped with probability 0.1.</summary>
    public static ClassificationSet SmallIntegers(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows * 3];
        var y = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < 3; f++)
            {
                x[(r * 3) + f] = random.Next(8);
            }

            var label = (x[r * 3] > 3) ^ (x[(r * 3) + 1] > 5) ? 1 : 0;
            y[r] = random.NextDouble() < 0.1 ? 1 - label : label;
        }

        return new ClassificationSet(new FeatureMatrix(rows, 3, x), y, 2);
    }
}
