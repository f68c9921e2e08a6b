using System.Collections.Concurrent;
using Vigil.ML.Ensembles;
using Vigil.ML.Trees;

namespace Vigil.ML.Tests.Ensembles;

/// <summary>Learners for the ensemble tests: a leaky memorizer, a spy that records what it was fitted on, and regressors.</summary>
internal static class TestLearners
{
    public static DecisionTreeLearner Tree(int maxDepth, int? maxFeatures = null, int seed = 0) =>
        new(new DecisionTreeOptions { MaxDepth = maxDepth, MaxFeatures = maxFeatures, Seed = seed });

    /// <summary>Ordinary least squares with intercept (no sign constraint).</summary>
    public static LinearCombinerLearner Linear(double l2 = 0) => new(new LinearCombinerOptions { NonNegative = false, L2 = l2 });
}

/// <summary>Memorizes its training rows: an exact row match gets its label with probability 1, any other row 0.5/0.5. Leaks perfectly in-sample.</summary>
internal sealed class MemorizingLearner : IClassifierLearner
{
    public string Name => "Memorizer";

    public object Options => new { };

    public IClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, int>();
        for (var r = 0; r < data.RowCount; r++)
        {
            seen[Key(data.Features.Row(r))] = data.Labels[r];
        }

        return new Model(seen, data.FeatureCount);
    }

    private static string Key(ReadOnlySpan<double> row) => string.Join(",", row.ToArray());

    private sealed class Model(Dictionary<string, int> seen, int featureCount) : IClassifierModel
    {
        public int FeatureCount => featureCount;

        public int ClassCount => 2;

        public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
        {
            if (seen.TryGetValue(Key(row), out var label))
            {
                probabilities[label] = 1;
                probabilities[1 - label] = 0;
            }
            else
            {
                probabilities[0] = probabilities[1] = 0.5;
            }
        }

        public void PredictProba(FeatureMatrix features, Span<double> probabilities)
        {
            for (var r = 0; r < features.RowCount; r++)
            {
                PredictProba(features.Row(r), probabilities.Slice(r * 2, 2));
            }
        }
    }
}

/// <summary>Records every training set it is fitted on, then fits a shallow tree.</summary>
internal sealed class SpyLearner : IClassifierLearner
{
    public ConcurrentQueue<ClassificationSet> Seen { get; } = new();

    public string Name => "Spy";

    public object Options => new { };

    public IClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        Seen.Enqueue(data);
        return TestLearners.Tree(2).Fit(data, cancellationToken);
    }
}
