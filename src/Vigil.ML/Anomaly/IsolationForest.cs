using Vigil.ML.Preprocessing;

namespace Vigil.ML.Anomaly;

/// <summary>
/// Isolation forest (Liu, Ting and Zhou 2008, "Isolation forest", ICDM): random trees on subsamples of ψ rows, split
/// on a random feature at a uniform threshold between its minimum and maximum, grown to depth ⌈log₂ ψ⌉; the anomaly
/// score is s(x) = 2^(−E[h(x)] / c(ψ)), h the path length plus c(leaf size). Tree seeds are drawn up front, so
/// parallel and sequential fits are identical bit for bit.
/// </summary>
public sealed class IsolationForest
{
    private const double EulerGamma = 0.5772156649015329;

    /// <summary>Creates a detector learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public IsolationForest(IsolationForestOptions? options = null)
    {
        Options = options ?? new IsolationForestOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid IsolationForestOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The validated options.</summary>
    public IsolationForestOptions Options { get; }

    /// <summary>c(n) = 2·H(n − 1) − 2(n − 1)/n with H(i) ≈ ln i + γ: the mean path length of an unsuccessful BST search; c(1) = 0, c(2) = 1.</summary>
    public static double AveragePathLength(double n) =>
        n <= 1 ? 0 : n <= 2 ? 1 : (2 * (Math.Log(n - 1) + EulerGamma)) - (2 * (n - 1) / n);

    /// <summary>Grows the forest on the rows of <paramref name="features"/> (no NaN or infinite values).</summary>
    public IsolationForestModel Fit(FeatureMatrix features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit an isolation forest on no rows.", nameof(features));
        }

        FeatureGuard.RequireFinite(features, null, "IsolationForest", nameof(features));
        var samples = Math.Min(Options.MaxSamples, features.RowCount);
        var random = new Random(Options.Seed);
        var seeds = Enumerable.Range(0, Options.TreeCount).Select(_ => random.Next()).ToArray();
        var trees = new IsolationTree[seeds.Length];
        Parallel.For(
            0,
            seeds.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            t => trees[t] = IsolationTree.Grow(features, samples, seeds[t]));

        var forest = IsolationTree.Concatenate(trees);
        var unthresholded = new IsolationForestModel(forest, features.ColumnCount, samples, 0.5);
        if (Options.Contamination is not { } contamination)
        {
            return unthresholded;
        }

        var scores = unthresholded.Score(features);
        return new IsolationForestModel(forest, features.ColumnCount, samples, Percentile(scores, 100 * (1 - contamination)));
    }

    /// <summary>numpy's default (linear) percentile.</summary>
    internal static double Percentile(double[] values, double percent)
    {
        var sorted = values.Order().ToArray();
        var position = percent / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
