using Shouldly;
using Vigil.ML.Boosting;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

/// <summary>Tiny models whose every number was worked out by hand from gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) and w = −G/(H+λ)·η.</summary>
public sealed class HistGradientBoostingGoldenTests
{
    // x0 = 1..4 (x1 constant), y = 0 0 1 3, squared error, λ = 1, η = 0.5, depth 1, min child weight 0.
    // Round 1: base = mean = 1; g = 1 1 0 −2, h = 1; G = 0, H = 4.
    //   ≤1.5: 1/2 + 1/4 = 0.75;  ≤2.5: 4/3 + 4/3 = 2.667;  ≤3.5: 4/4 + 4/2 = 3 (best).
    //   w_L = −2/(3+1)·0.5 = −0.25, w_R = 2/(1+1)·0.5 = 0.5 → scores 0.75 0.75 0.75 1.5.
    // Round 2: g = 0.75 0.75 −0.25 −1.5; G = −0.25, parent 0.0625/5 = 0.0125.
    //   ≤1.5: 0.28125 + 0.25 − 0.0125 = 0.51875;  ≤2.5: 0.75 + 3.0625/3 − 0.0125 = 1.758333 (best);
    //   ≤3.5: 0.390625 + 1.125 − 0.0125 = 1.503125.
    //   w_L = −1.5/3·0.5 = −0.25, w_R = 1.75/3·0.5 = 0.291667 → 0.5 0.5 1.041667 1.791667.
    private static RegressionSet Steps() => new(FeatureMatrix.FromRows([[1, 7], [2, 7], [3, 7], [4, 7]]), [0, 0, 1, 3]);

    private static HistGradientBoostingRegressorOptions StepOptions(int rounds) => new()
    {
        Rounds = rounds, MaxDepth = 1, LearningRate = 0.5, L2Regularization = 1, MinChildWeight = 0, MaxDegreeOfParallelism = 1,
    };

    [Fact]
    public void Fit_OneRoundSquaredError_SplitsAndWeighsLikeTheHandComputation()
    {
        var model = new HistGradientBoostingRegressorLearner(StepOptions(1)).Fit(Steps());

        model.Predict([1, 7]).ShouldBe(0.75, 1e-12);
        model.Predict([3, 7]).ShouldBe(0.75, 1e-12);
        model.Predict([4, 7]).ShouldBe(1.5, 1e-12);
        model.Ensemble.Nodes[0].Value.ShouldBe(3.5);
    }

    [Fact]
    public void Fit_TwoRoundsSquaredError_SecondTreeFitsTheResiduals()
    {
        var model = new HistGradientBoostingRegressorLearner(StepOptions(2)).Fit(Steps());

        model.Predict([1, 7]).ShouldBe(0.5, 1e-12);
        model.Predict([2, 7]).ShouldBe(0.5, 1e-12);
        model.Predict([3, 7]).ShouldBe(0.75 + (1.75 / 3 * 0.5), 1e-12);
        model.Predict([4, 7]).ShouldBe(1.5 + (1.75 / 3 * 0.5), 1e-12);
        model.FeatureImportances.ToArray().ShouldBe([1.0, 0.0]);
    }

    // x = 1..4, y = 0 0 1 1, base 0 (p = 0.5): g = 0.5 0.5 −0.5 −0.5, h = 0.25; λ = 1, η = 0.3.
    // ≤2.5 wins: 1/1.5 + 1/1.5 = 1.333 (≤1.5 and ≤3.5 give 0.2 + 0.142857 = 0.342857); w = ∓1/1.5·0.3 = ∓0.2.
    [Fact]
    public void Fit_OneRoundLogistic_GivesSigmoidOfTheHandComputedWeights()
    {
        var set = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4]]), [0, 0, 1, 1], 2);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 1, BaseScore = 0, MinChildWeight = 0, MaxDepth = 1 }).Fit(set);
        var p = new double[2];

        model.PredictProba([1], p);
        p[1].ShouldBe(1 / (1 + Math.Exp(0.2)), 1e-12);
        model.PredictProba([4], p);
        p[1].ShouldBe(1 / (1 + Math.Exp(-0.2)), 1e-12);
        p[0].ShouldBe(1 - p[1], 1e-15);
    }

    [Fact]
    public void Fit_ChildHessianBelowMinChildWeight_MakesNoSplit()
    {
        // Same data: each child of ≤2.5 has H = 0.5 < 1, and the root's G = 0 gives w = 0, so p = 0.5 everywhere.
        var set = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4]]), [0, 0, 1, 1], 2);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 3, BaseScore = 0, MinChildWeight = 1 }).Fit(set);
        var p = new double[2];

        model.PredictProba([4], p);

        p[1].ShouldBe(0.5, 1e-15);
        model.Ensemble.Nodes.Length.ShouldBe(3);
    }

    [Fact]
    public void Fit_NoSplitPossible_PredictsThePrior()
    {
        // One positive in four: base = log(1/3); g sums to 4·0.25 − 1 = 0, so every leaf weighs 0.
        var set = new ClassificationSet(FeatureMatrix.FromRows([[1], [1], [1], [1]]), [0, 0, 0, 1], 2);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 5 }).Fit(set);
        var p = new double[2];

        model.PredictProba([1], p);

        p[1].ShouldBe(0.25, 1e-12);
    }

    [Fact]
    public void Fit_ThreeClassesNoSplitPossible_PredictsTheClassPriors()
    {
        var set = new ClassificationSet(FeatureMatrix.FromRows([[1], [1], [1], [1]]), [0, 0, 1, 2], 3);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 2 }).Fit(set);
        var p = new double[3];

        model.PredictProba([1], p);

        p.ShouldBe([0.5, 0.25, 0.25], 1e-12);
        model.TreeCount.ShouldBe(6);
    }

    [Fact]
    public void Fit_HuberWithAnOutlier_StartsAtTheMedianAndClipsTheGradient()
    {
        // Median 1; g = clip(1 − y, ±1) = 0 0 0 0 −1, H = 5: w = 1/(5+1)·0.3 = 0.05. Squared error: mean 20.8, G = 0.
        var x = FeatureMatrix.FromRows([[1], [1], [1], [1], [1]]);
        double[] y = [1, 1, 1, 1, 100];

        var huber = new HistGradientBoostingRegressorLearner(new() { Rounds = 1, Loss = RegressionLoss.Huber, HuberDelta = 1 }).Fit(new RegressionSet(x, y));
        var squared = new HistGradientBoostingRegressorLearner(new() { Rounds = 1 }).Fit(new RegressionSet(x, y));

        huber.Predict([1]).ShouldBe(1.05, 1e-12);
        squared.Predict([1]).ShouldBe(20.8, 1e-12);
    }

    [Fact]
    public void Fit_BalancedClasses_StartsAtEvenOdds()
    {
        var set = new ClassificationSet(FeatureMatrix.FromRows([[1], [1], [1], [1]]), [0, 0, 0, 1], 2);
        var balanced = new HistGradientBoostingClassifierLearner(new() { Rounds = 1, ClassImbalance = ClassImbalance.Balanced }).Fit(set);
        var scaled = new HistGradientBoostingClassifierLearner(new() { Rounds = 1, ClassImbalance = ClassImbalance.ScalePosWeight, ScalePosWeight = 3 }).Fit(set);
        var p = new double[2];

        balanced.PredictProba([1], p);
        p[1].ShouldBe(0.5, 1e-12);
        scaled.PredictProba([1], p);
        p[1].ShouldBe(0.5, 1e-12);
    }
}
