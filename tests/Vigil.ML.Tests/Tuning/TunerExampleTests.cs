using Shouldly;
using Vigil.ML.Trees;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

// The docs/ml.md example: tune a CART tree with k-fold cross-validation inside the objective.
public sealed class TunerExampleTests
{
    // y = (x0 > 0.3) XOR (x1 > 0.6) with 10% of labels flipped: a stump cannot fit it, depth 2 can.
    private static ClassificationSet XorData()
    {
        var random = new Random(0);
        var rows = Enumerable.Range(0, 300).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = rows.Select(r => ((r[0] > 0.3) ^ (r[1] > 0.6) ? 1 : 0) ^ (random.NextDouble() < 0.1 ? 1 : 0)).ToArray();
        return new ClassificationSet(FeatureMatrix.FromRows(rows), labels, 2);
    }

    private static double FoldAccuracy(ClassificationSet data, DecisionTreeOptions options, int fold, int folds)
    {
        int[] train = [.. Enumerable.Range(0, data.RowCount).Where(i => i % folds != fold)];
        int[] test = [.. Enumerable.Range(0, data.RowCount).Where(i => i % folds == fold)];
        var model = new DecisionTreeLearner(options).Fit(new ClassificationSet(data.Features.Take(train), [.. train.Select(i => data.Labels[i])], 2));
        return test.Count(i => model.PredictClass(data.Features.Row(i)) == data.Labels[i]) / (double)test.Length;
    }

    [Fact]
    public void Run_DecisionTreeWithCrossValidation_FindsADeepEnoughTree()
    {
        var data = XorData();
        SearchSpace space =
        [
            new IntParameter("max_depth", 1, 8),
            new IntParameter("min_samples_leaf", 1, 64) { Log = true },
            new CategoricalParameter("criterion", "gini", "entropy"),
        ];

        var result = Tuner.Run(space, (trial, ct) =>
        {
            var p = trial.Parameters;
            var options = new DecisionTreeOptions
            {
                MaxDepth = p.GetInt("max_depth"), MinSamplesLeaf = p.GetInt("min_samples_leaf"),
                Criterion = Enum.Parse<SplitCriterion>(p.GetString("criterion"), ignoreCase: true), Seed = trial.Seed,
            };
            var scores = new List<double>();
            for (var fold = 0; fold < 3; fold++)
            {
                scores.Add(FoldAccuracy(data, options, fold, 3));
                trial.Report(fold, scores.Average());
                trial.ThrowIfShouldPrune();
            }

            return scores.Average();
        }, new TunerOptions { Direction = TuningDirection.Maximize, MaxTrials = 30, Seed = 42, Pruner = new MedianPruner(startupTrials: 5) });

        result.BestParameters.GetInt("max_depth").ShouldBeGreaterThanOrEqualTo(2);
        result.BestTrial!.Value!.Value.ShouldBeGreaterThan(0.8);
        result.Trials.Count.ShouldBe(30);
    }
}
