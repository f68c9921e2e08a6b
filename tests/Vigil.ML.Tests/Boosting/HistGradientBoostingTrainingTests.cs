using Shouldly;
using Vigil.ML.Boosting;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

public sealed class HistGradientBoostingTrainingTests
{
    /// <summary>Rows of <paramref name="features"/> uniform features, label 1 with probability sigmoid(4·x0 − 4·x1 + noise), some NaN.</summary>
    internal static ClassificationSet Noisy(int rows, int features, int seed, int classes = 2)
    {
        var random = new Random(seed);
        var x = new double[rows * features];
        var y = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++)
            {
                x[(r * features) + f] = random.NextDouble() < 0.02 ? double.NaN : random.NextDouble();
            }

            var z = (4 * Value(x[r * features])) - (4 * Value(x[(r * features) + 1])) + random.NextDouble() - 0.5 + (2 * (random.NextDouble() - 0.5));
            y[r] = classes == 2 ? (random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0) : Math.Clamp((int)((z + 4) / 8 * classes), 0, classes - 1);
        }

        return new ClassificationSet(new FeatureMatrix(rows, features, x), y, classes);
    }

    private static double Value(double v) => double.IsNaN(v) ? 0.5 : v;

    private static double[] Probabilities(IClassifierModel model, FeatureMatrix x) => model.PredictProba(x);

    [Fact]
    public void Fit_EarlyStoppingOnAValidationSet_StopsAndKeepsTheBestRound()
    {
        var options = new HistGradientBoostingClassifierOptions { Rounds = 400, LearningRate = 0.5, EarlyStoppingRounds = 10 };
        var train = Noisy(600, 6, 1);
        var valid = Noisy(400, 6, 2);

        var model = new HistGradientBoostingClassifierLearner(options).Fit(train, valid);

        var losses = model.ValidationLoss.ToArray();
        var best = Array.IndexOf(losses, losses.Min());
        losses.Length.ShouldBeLessThan(400);
        losses.Length.ShouldBe(best + 11);
        model.Rounds.ShouldBe(best + 1);
        var plain = new HistGradientBoostingClassifierLearner(options with { EarlyStoppingRounds = null, Rounds = best + 1 }).Fit(train);
        Probabilities(model, valid.Features).ShouldBe(Probabilities(plain, valid.Features));
    }

    [Fact]
    public void Fit_EarlyStoppingWithoutAValidationSet_HoldsOutAStratifiedFraction()
    {
        var options = new HistGradientBoostingRegressorOptions { Rounds = 500, LearningRate = 0.5, EarlyStoppingRounds = 5, ValidationFraction = 0.2 };

        var model = new HistGradientBoostingRegressorLearner(options).Fit(RegressorLearnerConformance.Data(300, 1));
        var classifier = new HistGradientBoostingClassifierLearner(new() { Rounds = 500, LearningRate = 0.5, EarlyStoppingRounds = 5 }).Fit(Noisy(500, 4, 3));

        model.ValidationLoss.Length.ShouldBe(model.Rounds + 5);
        model.Rounds.ShouldBeLessThan(495);
        classifier.ValidationLoss.Length.ShouldBe(classifier.Rounds + 5);
    }

    [Theory]
    [InlineData(TreeGrowth.DepthWise, 2)]
    [InlineData(TreeGrowth.LeafWise, 2)]
    [InlineData(TreeGrowth.DepthWise, 3)]
    public void Fit_ParallelAndSequential_GiveBitIdenticalModels(TreeGrowth growth, int classes)
    {
        // 5,000 rows × 8 features is above the parallel threshold, so the top nodes are built on several threads.
        var data = Noisy(5000, 8, 4, classes);
        var options = new HistGradientBoostingClassifierOptions
        {
            Rounds = 15, Growth = growth, MaxDepth = growth == TreeGrowth.LeafWise ? null : 6, Subsample = 0.8, ColumnSampleByTree = 0.75, MinSamplesLeaf = 3,
        };

        var sequential = new HistGradientBoostingClassifierLearner(options with { MaxDegreeOfParallelism = 1 }).Fit(data);
        var parallel = new HistGradientBoostingClassifierLearner(options with { MaxDegreeOfParallelism = 4 }).Fit(data);

        parallel.Ensemble.Nodes.ToArray().ShouldBe(sequential.Ensemble.Nodes.ToArray());
        Probabilities(parallel, data.Features).ShouldBe(Probabilities(sequential, data.Features));
    }

    [Fact]
    public void Fit_SubsamplingWithTheSameSeed_IsRepeatableAndAnotherSeedDiffers()
    {
        var data = Noisy(800, 6, 5);
        HistGradientBoostingClassifierOptions Options(int seed) => new() { Rounds = 20, Subsample = 0.7, ColumnSampleByTree = 0.5, Seed = seed };

        var a = Probabilities(new HistGradientBoostingClassifierLearner(Options(11)).Fit(data), data.Features);
        var b = Probabilities(new HistGradientBoostingClassifierLearner(Options(11)).Fit(data), data.Features);
        var c = Probabilities(new HistGradientBoostingClassifierLearner(Options(12)).Fit(data), data.Features);

        a.ShouldBe(b);
        a.ShouldNotBe(c);
    }

    [Fact]
    public void Fit_DepthWise_NoTreeIsDeeperThanMaxDepth()
    {
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 10, MaxDepth = 3, MinChildWeight = 0 }).Fit(Noisy(1000, 5, 6));

        TreeShapes.Depths(model.Ensemble).Max().ShouldBe(3);
    }

    [Fact]
    public void Fit_LeafWise_NoTreeHasMoreThanMaxLeaves()
    {
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 10, Growth = TreeGrowth.LeafWise, MaxDepth = null, MaxLeaves = 5, MinChildWeight = 0 })
            .Fit(Noisy(1000, 5, 6));

        TreeShapes.Leaves(model.Ensemble).Max().ShouldBe(5);
    }

    [Fact]
    public void Fit_MinSamplesLeaf_EveryLeafKeepsThatManyTrainingRows()
    {
        var data = Noisy(500, 4, 7);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 5, MinSamplesLeaf = 40, MinChildWeight = 0 }).Fit(data);

        TreeShapes.LeafRowCounts(model.Ensemble, data.Features).Where(c => c > 0).Min().ShouldBeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public void FeatureImportances_InformativeFeatures_DominateAndSumToOne()
    {
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 30 }).Fit(Noisy(1500, 5, 8));
        var importances = model.FeatureImportances.ToArray();

        importances.Sum().ShouldBe(1.0, 1e-12);
        (importances[0] + importances[1]).ShouldBeGreaterThan(0.6);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new HistGradientBoostingClassifierOptions { Rounds = 0, LearningRate = 2, MaxBins = 300, Subsample = 0, ScalePosWeight = -1 };

        var error = Should.Throw<ArgumentException>(() => new HistGradientBoostingClassifierLearner(options)).Message;

        foreach (var name in new[] { "Rounds", "LearningRate", "MaxBins", "Subsample", "ScalePosWeight" })
        {
            error.ShouldContain(name);
        }

        Should.Throw<ArgumentException>(() => new HistGradientBoostingRegressorLearner(new() { MaxDepth = null, HuberDelta = 0 })).Message.ShouldContain("HuberDelta");
    }

    [Fact]
    public void Fit_ScalePosWeightOnThreeClasses_FailsClearly()
    {
        var learner = new HistGradientBoostingClassifierLearner(new() { ClassImbalance = ClassImbalance.ScalePosWeight, ScalePosWeight = 2 });

        Should.Throw<ArgumentException>(() => learner.Fit(Noisy(50, 3, 1, classes: 3))).Message.ShouldContain("binary");
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => new HistGradientBoostingClassifierLearner().Fit(Noisy(50, 3, 1), cancelled.Token));
    }

    [Fact]
    public void Fit_MoreRounds_DoesNotAllocatePerRoundBeyondTheModelItself()
    {
        // 20 features × 256 bins: one histogram is 80 KB, so any per-round histogram or buffer allocation would show.
        var data = Noisy(2000, 20, 9);
        HistGradientBoostingClassifierLearner Learner(int rounds) => new(new() { Rounds = rounds, MaxDegreeOfParallelism = 1 });
        Learner(5).Fit(data);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Learner(20).Fit(data);
        var few = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        Learner(220).Fit(data);
        var many = GC.GetAllocatedBytesForCurrentThread() - before;

        // The model's node arrays grow with the rounds (≤ 127 nodes × 24 bytes per depth-6 tree, reserved up front).
        ((many - few) / 200.0).ShouldBeLessThan(8_000);
    }
}
