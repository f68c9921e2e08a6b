namespace Vigil.ML.Ensembles;

/// <summary>
/// Weighted least squares y ≈ b + Σⱼ βⱼxⱼ, by default with βⱼ ≥ 0: the combiner of Breiman's stacked regression
/// (Breiman 1996, "Stacked regressions", Machine Learning 24:49–64) and the default meta-learner of
/// <see cref="StackingRegressorLearner"/>. Solved by cyclic coordinate descent on the weighted, centred normal
/// equations, so the fit is a deterministic function of the data. Rejects NaN features.
/// </summary>
public sealed class LinearCombinerLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public LinearCombinerLearner(LinearCombinerOptions? options = null)
    {
        Options = options ?? new LinearCombinerOptions();
        EnsembleChecks.Throw(nameof(LinearCombinerOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "LinearCombiner";

    /// <summary>The validated options.</summary>
    public LinearCombinerOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits the coefficients and intercept.</summary>
    public LinearCombinerModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (n, p) = (data.RowCount, data.FeatureCount);
        var x = data.Features.Values;
        foreach (var v in x)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("The linear combiner cannot fit NaN features; impute them first.", nameof(data));
            }
        }

        double total = 0, meanY = 0;
        var mean = new double[p];
        for (var i = 0; i < n; i++)
        {
            var w = data.WeightOf(i);
            total += w;
            meanY += w * data.Targets[i];
            for (var j = 0; j < p; j++)
            {
                mean[j] += w * x[(i * p) + j];
            }
        }

        if (!(total > 0))
        {
            throw new ArgumentException("The linear combiner needs rows with positive weight.", nameof(data));
        }

        if (Options.FitIntercept)
        {
            meanY /= total;
            for (var j = 0; j < p; j++)
            {
                mean[j] /= total;
            }
        }
        else
        {
            meanY = 0;
            Array.Clear(mean);
        }

        var gram = new double[p * p];
        var cross = new double[p];
        var centred = new double[p];
        for (var i = 0; i < n; i++)
        {
            var w = data.WeightOf(i);
            for (var j = 0; j < p; j++)
            {
                centred[j] = x[(i * p) + j] - mean[j];
            }

            for (var j = 0; j < p; j++)
            {
                cross[j] += w * centred[j] * (data.Targets[i] - meanY);
                for (var k = 0; k <= j; k++)
                {
                    gram[(j * p) + k] += w * centred[j] * centred[k];
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = j + 1; k < p; k++)
            {
                gram[(j * p) + k] = gram[(k * p) + j];
            }
        }

        var beta = Solve(gram, cross, p, cancellationToken);
        var intercept = meanY;
        for (var j = 0; j < p; j++)
        {
            intercept -= beta[j] * mean[j];
        }

        return new LinearCombinerModel(beta, intercept);
    }

    private double[] Solve(double[] gram, double[] cross, int p, CancellationToken cancellationToken)
    {
        var beta = new double[p];
        var scale = 0.0;
        for (var j = 0; j < p; j++)
        {
            scale = Math.Max(scale, gram[(j * p) + j]);
        }

        for (var sweep = 0; sweep < Options.MaxSweeps; sweep++)
        {
            if (sweep % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var largestStep = 0.0;
            for (var j = 0; j < p; j++)
            {
                var curvature = gram[(j * p) + j] + Options.L2;
                if (curvature <= 1e-12 * Math.Max(scale, 1e-300))
                {
                    beta[j] = 0;
                    continue;
                }

                var residual = cross[j];
                for (var k = 0; k < p; k++)
                {
                    if (k != j)
                    {
                        residual -= gram[(j * p) + k] * beta[k];
                    }
                }

                var next = residual / curvature;
                if (Options.NonNegative && next < 0)
                {
                    next = 0;
                }

                largestStep = Math.Max(largestStep, Math.Abs(next - beta[j]));
                beta[j] = next;
            }

            if (largestStep <= Options.Tolerance)
            {
                break;
            }
        }

        return beta;
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
