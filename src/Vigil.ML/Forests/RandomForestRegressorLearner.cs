namespace Vigil.ML.Forests;

/// <summary>
/// Random forest regressor (Breiman 2001, "Random Forests", Machine Learning 45:5–32): bootstrap-sampled
/// squared-error CART trees, predictions averaged. Splits are found on features quantized once into
/// ≤ 255 bins; every feature is a candidate by default, so histograms use sibling subtraction.
/// </summary>
public sealed class RandomForestRegressorLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public RandomForestRegressorLearner(RandomForestRegressorOptions? options = null)
    {
        Options = options ?? new RandomForestRegressorOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RandomForestRegressorOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "RandomForestRegressor";

    /// <summary>The validated options.</summary>
    public RandomForestRegressorOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits a forest; the same data and options give the same forest whatever the parallelism.</summary>
    public RandomForestRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit a forest on an empty training set.", nameof(data));
        }

        var o = Options;
        var n = data.RowCount;
        var statIndex = new int[n];
        Array.Fill(statIndex, 2);
        var targets = data.Targets.ToArray();
        var weights = new double[n];
        var total = 0.0;
        for (var r = 0; r < n; r++)
        {
            weights[r] = data.WeightOf(r);
            total += weights[r];
        }

        if (!(total > 0))
        {
            throw new ArgumentException("The training set has no rows with positive weight.", nameof(data));
        }

        var maxFeatures = Math.Min(data.FeatureCount, o.MaxFeatures ?? data.FeatureCount);
        var growth = new ForestGrowth(o.MaxDepth, o.MinSamplesSplit, o.MinSamplesLeaf, Math.Max(1, maxFeatures), ForestCriterion.SquaredError);
        var sampling = new ForestSampling(o.Bootstrap, o.MaxSamples, null, 1);
        var fit = ForestTrainer.Train(
            data.Features, 1, statIndex, targets, weights, sampling, growth, o.TreeCount, o.Seed, o.MaxDegreeOfParallelism, o.MaxBins, o.OobScore, cancellationToken);
        var oobScore = fit.OobPredictions is { } oob ? OobR2(oob, targets) : double.NaN;
        return new RandomForestRegressorModel(fit.Layout, fit.Importances, oobScore, fit.OobPredictions, o.MaxDegreeOfParallelism);
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    /// <summary>R² of the out-of-bag predictions over rows that were out of bag at least once.</summary>
    private static double OobR2(double[] oob, double[] targets)
    {
        var rows = Enumerable.Range(0, targets.Length).Where(r => !double.IsNaN(oob[r])).ToArray();
        if (rows.Length == 0)
        {
            return double.NaN;
        }

        var mean = rows.Average(r => targets[r]);
        double residual = 0, spread = 0;
        foreach (var r in rows)
        {
            residual += (targets[r] - oob[r]) * (targets[r] - oob[r]);
            spread += (targets[r] - mean) * (targets[r] - mean);
        }

        return spread > 0 ? 1 - (residual / spread) : double.NaN;
    }
}
