using Vigil.ML.Preprocessing;

namespace Vigil.ML.Clustering;

/// <summary>
/// k-means clustering: greedy k-means++ seeding (Arthur and Vassilvitskii 2007, "k-means++: the advantages of careful
/// seeding", SODA; 2 + ⌊ln k⌋ candidates per step, as scikit-learn) then Lloyd iterations (Lloyd 1982), restarted
/// <see cref="KMeansOptions.InitCount"/> times keeping the lowest inertia. Restart seeds are drawn up front, so
/// parallel and sequential runs give the same model.
/// </summary>
public sealed class KMeans
{
    /// <summary>Creates a clusterer; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public KMeans(KMeansOptions? options = null)
    {
        Options = options ?? new KMeansOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid KMeansOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The validated options.</summary>
    public KMeansOptions Options { get; }

    /// <summary>Clusters the rows; needs at least k rows and no NaN or infinite values.</summary>
    public KMeansModel Fit(FeatureMatrix features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (n, d, k) = (features.RowCount, features.ColumnCount, Options.ClusterCount);
        if (n < k)
        {
            throw new ArgumentException($"k-means with {k} clusters needs at least {k} rows, not {n}.", nameof(features));
        }

        FeatureGuard.RequireFinite(features, null, "KMeans", nameof(features));
        var tolerance = Options.Tolerance * MeanVariance(features);
        var random = new Random(Options.Seed);
        var seeds = Enumerable.Range(0, Options.InitCount).Select(_ => random.Next()).ToArray();
        var runs = new LloydRun[seeds.Length];
        Parallel.For(
            0,
            seeds.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            r => runs[r] = LloydRun.Run(features, k, seeds[r], Options.MaxIterations, tolerance));

        var best = runs[0];
        foreach (var run in runs)
        {
            if (run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        return new KMeansModel(best.Centroids, k, d, best.Inertia, best.Iterations);
    }

    /// <summary>The mean over features of the population variance (scikit-learn's tolerance scale).</summary>
    private static double MeanVariance(FeatureMatrix features)
    {
        var (n, d) = (features.RowCount, features.ColumnCount);
        var total = 0.0;
        for (var f = 0; f < d; f++)
        {
            var (mean, squares) = (0.0, 0.0);
            for (var i = 0; i < n; i++)
            {
                mean += features[i, f];
            }

            mean /= n;
            for (var i = 0; i < n; i++)
            {
                squares += (features[i, f] - mean) * (features[i, f] - mean);
            }

            total += squares / n;
        }

        return d == 0 ? 0 : total / d;
    }
}
