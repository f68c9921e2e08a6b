using Vigil.ML.Preprocessing;

namespace Vigil.ML.Linear;

/// <summary>
/// Weighted (ridge) least squares on optionally standardized features: centers X and y by their weighted
/// means (so the intercept is unpenalized), then solves (XcᵀVXc + αI)·w = XcᵀV·yc by Cholesky, adding a
/// tiny diagonal jitter only when XᵀX is singular (α = 0 with collinear or constant features).
/// </summary>
internal static class LeastSquares
{
    public static LinearRegressionModel Fit(RegressionSet data, double alpha, bool fitIntercept, bool standardize, string learner)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException($"Cannot fit {learner} on an empty training set.", nameof(data));
        }

        FeatureGuard.RequireFinite(data.Features, data.FeatureNames, learner, nameof(data));
        var (n, d) = (data.RowCount, data.FeatureCount);
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = data.WeightOf(i);
        }

        var standardizer = standardize ? Standardizer.Fit(data.Features, weights) : Standardizer.Identity(d);
        var x = standardizer.Transform(data.Features).Values;
        var y = data.Targets;
        var total = weights.Sum();
        if (total <= 0)
        {
            throw new ArgumentException($"Cannot fit {learner}: every sample weight is 0.", nameof(data));
        }

        var xMean = new double[d];
        var yMean = 0.0;
        if (fitIntercept)
        {
            for (var i = 0; i < n; i++)
            {
                yMean += weights[i] * y[i];
                for (var f = 0; f < d; f++)
                {
                    xMean[f] += weights[i] * x[(i * d) + f];
                }
            }

            yMean /= total;
            for (var f = 0; f < d; f++)
            {
                xMean[f] /= total;
            }
        }

        var gram = new double[d * d];
        var rhs = new double[d];
        Span<double> centered = d <= 256 ? stackalloc double[d] : new double[d];
        for (var i = 0; i < n; i++)
        {
            var v = weights[i];
            for (var f = 0; f < d; f++)
            {
                centered[f] = x[(i * d) + f] - xMean[f];
            }

            var yc = y[i] - yMean;
            for (var a = 0; a < d; a++)
            {
                var va = v * centered[a];
                rhs[a] += va * yc;
                for (var b = a; b < d; b++)
                {
                    gram[(a * d) + b] += va * centered[b];
                }
            }
        }

        for (var a = 0; a < d; a++)
        {
            gram[(a * d) + a] += alpha;
            for (var b = 0; b < a; b++)
            {
                gram[(a * d) + b] = gram[(b * d) + a];
            }
        }

        var w = d == 0 ? [] : Cholesky.SolveWithJitter(gram, rhs, d);
        var theta = new double[d + 1];
        w.CopyTo(theta, 0);
        theta[d] = yMean - w.Select((wf, f) => wf * xMean[f]).Sum();
        var (coefficients, intercepts) = RawUnits.FromStandardized(theta, 1, d, standardizer);
        var standardized = new double[d];
        Array.Copy(w, standardized, d);
        return new LinearRegressionModel(coefficients, intercepts[0], standardized);
    }
}
