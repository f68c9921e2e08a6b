using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.Features.Synthesis;
using Vigil.ML;
using Vigil.ML.Boosting;
using Vigil.ML.Inspection;

namespace Vigil.Features.Selection;

/// <summary>Permutation importance (Breiman 2001) of a small GBDT fitted on each fold's training part and measured on its held-out part, averaged over folds.</summary>
internal static class OutOfFoldPermutation
{
    public static Dictionary<string, double> Rank(DataFrame training, IReadOnlyList<string> columns, SupervisedTarget target, int folds, int repeats, int seed, CancellationToken cancellationToken)
    {
        var rows = training.RowCount;
        var values = new double[rows * columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var col = training.Get<Float64Column>(columns[c]).Values;
            for (var r = 0; r < rows; r++)
            {
                values[(r * columns.Count) + c] = col[r];
            }
        }

        var x = new FeatureMatrix(rows, columns.Count, values);
        var splits = target.IsClassification ? StratifiedKFold.Split(target.Labels, folds, seed) : KFold.Split(rows, folds, shuffle: true, seed: seed);
        var sums = new double[columns.Count];
        var options = new PermutationImportanceOptions { Repeats = repeats, Seed = seed };
        foreach (var fold in splits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PermutationImportanceResult result;
            if (target.IsClassification)
            {
                var set = new ClassificationSet(x, target.Labels!, target.ClassCount);
                var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 100, MaxDepth = 4, LearningRate = 0.1, Seed = seed, MaxDegreeOfParallelism = 1 })
                    .Fit(Take(set, fold.Train), cancellationToken);
                result = PermutationImportance.Compute(model, Take(set, fold.Test), options, cancellationToken);
            }
            else
            {
                var set = new RegressionSet(x, target.Values!);
                var model = new HistGradientBoostingRegressorLearner(new() { Rounds = 100, MaxDepth = 4, LearningRate = 0.1, Seed = seed, MaxDegreeOfParallelism = 1 })
                    .Fit(Take(set, fold.Train), cancellationToken);
                result = PermutationImportance.Compute(model, Take(set, fold.Test), options, cancellationToken);
            }

            foreach (var f in result.Features)
            {
                sums[f.Index] += f.Mean / splits.Length;
            }
        }

        return columns.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => sums[p.i], StringComparer.Ordinal);
    }

    private static ClassificationSet Take(ClassificationSet set, ReadOnlySpan<int> rows)
    {
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = set.Labels[rows[i]];
        }

        return new ClassificationSet(set.Features.Take(rows), labels, set.ClassCount);
    }

    private static RegressionSet Take(RegressionSet set, ReadOnlySpan<int> rows)
    {
        var targets = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            targets[i] = set.Targets[rows[i]];
        }

        return new RegressionSet(set.Features.Take(rows), targets);
    }
}
