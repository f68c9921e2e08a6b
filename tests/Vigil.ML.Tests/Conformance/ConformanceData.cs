namespace Vigil.ML.Tests.Conformance;

/// <summary>Seeded data shared by the conformance suites (linked into the test projects of learners outside Vigil.ML).</summary>
public static class ConformanceData
{
    /// <summary>A binary problem on rounded uniform features (2 % NaN): label 1 when the first three features plus noise exceed 180.</summary>
    public static ClassificationSet RandomClassification(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * features];
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var score = 0.0;
            for (var f = 0; f < features; f++)
            {
                var v = Math.Round(random.NextDouble() * 100, 1);
                values[(r * features) + f] = random.NextDouble() < 0.02 ? double.NaN : v;
                score += f < 3 ? v : 0;
            }

            labels[r] = score + (random.NextDouble() * 60) > 180 ? 1 : 0;
        }

        return new ClassificationSet(new FeatureMatrix(rows, features, values), labels, 2);
    }
}
