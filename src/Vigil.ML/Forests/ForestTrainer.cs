namespace Vigil.ML.Forests;

/// <summary>How each tree's rows are drawn.</summary>
/// <param name="Bootstrap">Whether rows are drawn with replacement (else every tree sees every row).</param>
/// <param name="MaxSamples">The fraction of the rows drawn per tree; null = as many draws as rows.</param>
/// <param name="Labels">Class labels when class weights are recomputed per bootstrap sample, else null.</param>
/// <param name="ClassCount">The number of classes (for per-sample class weights).</param>
internal sealed record ForestSampling(bool Bootstrap, double? MaxSamples, int[]? Labels, int ClassCount);

/// <summary>A trained forest: its layout, normalized impurity importances, and out-of-bag mean leaf vectors (NaN rows were never out of bag).</summary>
internal sealed record ForestFit(ForestLayout Layout, double[] Importances, double[]? OobPredictions);

/// <summary>
/// Trains the trees of a random forest (Breiman 2001) in parallel. Every tree's seed is drawn up front
/// from the forest seed and a tree depends on nothing else, so any degree of parallelism gives the same
/// forest bit for bit. Bootstrap samples become integer row weights (no rows are copied).
/// </summary>
internal static class ForestTrainer
{
    public static ForestFit Train(
        FeatureMatrix features, int width, int[] statIndex, double[] statValue, double[] baseWeights, ForestSampling sampling,
        ForestGrowth growth, int treeCount, int seed, int maxDegreeOfParallelism, int maxBins, bool outOfBag, CancellationToken cancellationToken)
    {
        if (features.ColumnCount > short.MaxValue)
        {
            throw new ArgumentException($"Forests support at most {short.MaxValue} features, not {features.ColumnCount}.", nameof(features));
        }

        var bins = BinnedFeatures.Build(features, maxBins, maxDegreeOfParallelism);
        var master = new Random(seed);
        var seeds = new int[treeCount];
        for (var t = 0; t < seeds.Length; t++)
        {
            seeds[t] = master.Next();
        }

        var n = features.RowCount;
        var trees = new GrownTree[treeCount];
        var oobMasks = outOfBag && sampling.Bootstrap ? new ulong[treeCount][] : null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            treeCount,
            options,
            () => (Builder: new HistogramTreeBuilder(bins, growth, width, statIndex, statValue), Weights: new double[n], Counts: new int[n]),
            (t, _, worker) =>
            {
                var random = new Random(seeds[t]);
                SampleWeights(random, baseWeights, sampling, worker.Weights, worker.Counts);
                if (oobMasks is not null)
                {
                    var mask = new ulong[(n + 63) / 64];
                    for (var r = 0; r < n; r++)
                    {
                        mask[r >> 6] |= worker.Counts[r] == 0 ? 1UL << (r & 63) : 0;
                    }

                    oobMasks[t] = mask;
                }

                trees[t] = worker.Builder.Grow(worker.Weights, random, cancellationToken);
                return worker;
            },
            _ => { });

        var importances = Importances(trees, features.ColumnCount);
        var layout = ForestLayout.Flatten(trees, width, features.ColumnCount);
        return new ForestFit(layout, importances, oobMasks is null ? null : OutOfBag(layout, features, oobMasks, maxDegreeOfParallelism));
    }

    private static void SampleWeights(Random random, double[] baseWeights, ForestSampling sampling, double[] weights, int[] counts)
    {
        var n = baseWeights.Length;
        if (!sampling.Bootstrap)
        {
            baseWeights.CopyTo(weights, 0);
            Array.Fill(counts, 1);
        }
        else
        {
            Array.Clear(counts);
            var draws = sampling.MaxSamples is { } fraction ? Math.Max(1, (int)Math.Round(fraction * n)) : n;
            for (var d = 0; d < draws; d++)
            {
                counts[random.Next(n)]++;
            }

            for (var r = 0; r < n; r++)
            {
                weights[r] = baseWeights[r] * counts[r];
            }
        }

        if (sampling.Labels is { } labels)
        {
            var perClass = new double[sampling.ClassCount];
            for (var r = 0; r < n; r++)
            {
                perClass[labels[r]] += weights[r];
            }

            var total = perClass.Sum();
            var present = perClass.Count(w => w > 0);
            for (var r = 0; r < n; r++)
            {
                weights[r] = weights[r] > 0 ? weights[r] * total / (present * perClass[labels[r]]) : 0;
            }
        }
    }

    /// <summary>scikit-learn's convention: each tree's decreases normalized, averaged over trees, normalized again.</summary>
    private static double[] Importances(GrownTree[] trees, int featureCount)
    {
        var result = new double[featureCount];
        foreach (var tree in trees)
        {
            var sum = tree.Decrease.Sum();
            for (var f = 0; f < featureCount && sum > 0; f++)
            {
                result[f] += tree.Decrease[f] / sum;
            }
        }

        var total = result.Sum();
        for (var f = 0; f < featureCount && total > 0; f++)
        {
            result[f] /= total;
        }

        return result;
    }

    private static double[] OutOfBag(ForestLayout layout, FeatureMatrix features, ulong[][] masks, int maxDegreeOfParallelism)
    {
        var w = layout.Width;
        var p = features.ColumnCount;
        var result = new double[features.RowCount * w];
        Parallel.For(0, (features.RowCount + 1023) / 1024, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, block =>
        {
            var values = layout.Values;
            var x = features.Values;
            var end = Math.Min(features.RowCount, (block + 1) * 1024);
            for (var r = block * 1024; r < end; r++)
            {
                var acc = result.AsSpan(r * w, w);
                var count = 0;
                for (var t = 0; t < masks.Length; t++)
                {
                    if ((masks[t][r >> 6] & (1UL << (r & 63))) != 0)
                    {
                        var offset = layout.LeafValueOffset(t, x.Slice(r * p, p));
                        for (var k = 0; k < w; k++)
                        {
                            acc[k] += values[offset + k];
                        }

                        count++;
                    }
                }

                for (var k = 0; k < w; k++)
                {
                    acc[k] = count > 0 ? acc[k] / count : double.NaN;
                }
            }
        });
        return result;
    }
}
