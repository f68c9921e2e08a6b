using Vigil.ML.Trees;

namespace Vigil.ML.Forests;

/// <summary>
/// Random forest classifier (Breiman 2001, "Random Forests", Machine Learning 45:5–32): bootstrap-sampled
/// CART trees with a random feature subset per node, averaged class probabilities. Splits are found on
/// features quantized once into ≤ 255 bins (see docs/ml.md); missing values get a learned direction.
/// </summary>
public sealed class RandomForestClassifierLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public RandomForestClassifierLearner(RandomForestClassifierOptions? options = null)
    {
        Options = options ?? new RandomForestClassifierOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RandomForestClassifierOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "RandomForestClassifier";

    /// <summary>The validated options.</summary>
    public RandomForestClassifierOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits a forest; the same data and options give the same forest whatever the parallelism.</summary>
    public RandomForestClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit a forest on an empty training set.", nameof(data));
        }

        var o = Options;
        var n = data.RowCount;
        var k = data.ClassCount;
        var labels = data.Labels.ToArray();
        var statIndex = new int[n];
        var statValue = new double[n];
        var weights = new double[n];
        var perClass = new double[k];
        for (var r = 0; r < n; r++)
        {
            statIndex[r] = 2 + labels[r];
            statValue[r] = 1;
            weights[r] = data.WeightOf(r);
            perClass[labels[r]] += weights[r];
        }

        if (perClass.Sum() <= 0)
        {
            throw new ArgumentException("The training set has no rows with positive weight.", nameof(data));
        }

        if (o.ClassWeighting == ForestClassWeighting.Balanced)
        {
            var total = perClass.Sum();
            var present = perClass.Count(w => w > 0);
            for (var r = 0; r < n; r++)
            {
                weights[r] = weights[r] > 0 ? weights[r] * total / (present * perClass[labels[r]]) : 0;
            }
        }

        var p = data.FeatureCount;
        var maxFeatures = Math.Min(p, o.MaxFeatures ?? Math.Max(1, (int)Math.Sqrt(p)));
        var criterion = o.Criterion == SplitCriterion.Entropy ? ForestCriterion.Entropy : ForestCriterion.Gini;
        var growth = new ForestGrowth(o.MaxDepth, o.MinSamplesSplit, o.MinSamplesLeaf, Math.Max(1, maxFeatures), criterion);
        var sampling = new ForestSampling(o.Bootstrap, o.MaxSamples, o.ClassWeighting == ForestClassWeighting.BalancedSubsample ? labels : null, k);
        var fit = ForestTrainer.Train(
            data.Features, k, statIndex, statValue, weights, sampling, growth, o.TreeCount, o.Seed, o.MaxDegreeOfParallelism, o.MaxBins, o.OobScore, cancellationToken);
        var oobScore = fit.OobPredictions is { } oob ? OobAccuracy(oob, labels, k) : double.NaN;
        return new RandomForestClassifierModel(fit.Layout, fit.Importances, oobScore, fit.OobPredictions, o.MaxDegreeOfParallelism);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    /// <summary>The accuracy of the out-of-bag argmax over rows that were out of bag at least once.</summary>
    private static double OobAccuracy(double[] oob, int[] labels, int k)
    {
        int correct = 0, counted = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            var row = oob.AsSpan(r * k, k);
            if (double.IsNaN(row[0]))
            {
                continue;
            }

            var best = 0;
            for (var c = 1; c < k; c++)
            {
                best = row[c] > row[best] ? c : best;
            }

            counted++;
            correct += best == labels[r] ? 1 : 0;
        }

        return counted == 0 ? double.NaN : correct / (double)counted;
    }
}
