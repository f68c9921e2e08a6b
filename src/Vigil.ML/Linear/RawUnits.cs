using Vigil.ML.Preprocessing;

namespace Vigil.ML.Linear;

/// <summary>Folds a standardizer into linear weights: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w·μ/σ).</summary>
internal static class RawUnits
{
    /// <summary>Converts rows of [w (d values), b] on standardized features into raw-unit coefficients (rows × d) and intercepts.</summary>
    public static (double[] Coefficients, double[] Intercepts) FromStandardized(ReadOnlySpan<double> theta, int rows, int features, Standardizer standardizer)
    {
        var coefficients = new double[rows * features];
        var intercepts = new double[rows];
        var means = standardizer.Means;
        var scales = standardizer.Scales;
        for (var k = 0; k < rows; k++)
        {
            var w = theta.Slice(k * (features + 1), features + 1);
            var b = w[features];
            for (var f = 0; f < features; f++)
            {
                var raw = w[f] / scales[f];
                coefficients[(k * features) + f] = raw;
                b -= raw * means[f];
            }

            intercepts[k] = b;
        }

        return (coefficients, intercepts);
    }
}
