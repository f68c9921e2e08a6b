using Shouldly;
using Vigil.ML.Ensembles;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class AdaBoostClassifierLearnerTests
{
    [Fact]
    public void Fit_TwoRoundsOfStumps_MatchesHandWorkedSamme()
    {
        // x 1..6, y 0 0 1 0 1 1, uniform weights 1/6.
        // Round 1: stump x ≤ 2.5 (tied with 4.5 at Gini 0.25; the lower threshold wins) misclassifies x = 4: err 1/6, α₁ = ln 5.
        //   x = 4's weight ×5 → normalized 0.5, the others 0.1.
        // Round 2: stump x ≤ 4.5 (weighted Gini 0.175, the best) misclassifies x = 3: err 0.1, α₂ = ln 9.
        // x = 3, 4: votes (ln 9, ln 5)/ln 45 → P(1) = 1/(1 + e^((ln 9 − ln 5)/ln 45)) = 0.46147.
        // scikit-learn 1.2.1 AdaBoostClassifier(max_depth=1 stumps, n_estimators=2, algorithm="SAMME") gives the same weights
        // and errors but takes the tied stumps in the other order (4.5 then 2.5), so its P(1) at x = 3, 4 is the mirror, 0.53852598.
        var data = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4], [5], [6]]), [0, 0, 1, 0, 1, 1], 2);

        var model = new AdaBoostClassifierLearner(new AdaBoostOptions { Rounds = 2 }).Fit(data);

        model.EstimatorWeights.ToArray().ShouldBe([Math.Log(5), Math.Log(9)], 1e-12);
        model.EstimatorErrors.ToArray().ShouldBe([1.0 / 6, 0.1], 1e-12);
        var p = model.PredictProba(data.Features);
        Enumerable.Range(0, 6).Select(r => p[(r * 2) + 1]).ShouldBe(
            [0.26894142, 0.26894142, 0.46147402, 0.46147402, 0.73105858, 0.73105858], 1e-8);
        p[5].ShouldBe(1 / (1 + Math.Exp((Math.Log(9) - Math.Log(5)) / Math.Log(45))), 1e-12);
    }

    [Fact]
    public void Fit_ThreeClasses_UsesTheLogKMinusOneTerm()
    {
        // Round 1: x ≤ 3.5 → class 0, right leaf ties 1/2 → class 1; the three class-2 rows are wrong: err 1/3, α = ln 2 + ln 2 = ln 4.
        // Round 2 (wrong rows weigh 4×): x ≤ 5.5 → 0 | 2, wrong x = 4, 5, 7: err 1/6, α = ln 5 + ln 2 = ln 10.
        // Probabilities softmax(v / 2); values from scikit-learn 1.2.1 SAMME.
        var data = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4], [5], [6], [7], [8], [9]]), [0, 0, 0, 1, 1, 2, 1, 2, 2], 3);

        var model = new AdaBoostClassifierLearner(new AdaBoostOptions { Rounds = 2 }).Fit(data);

        model.EstimatorWeights.ToArray().ShouldBe([Math.Log(4), Math.Log(10)], 1e-12);
        var p = model.PredictProba(data.Features);
        p.AsSpan(0, 3).ToArray().ShouldBe([0.45186276, 0.27406862, 0.27406862], 1e-8);
        p.AsSpan(9, 3).ToArray().ShouldBe([0.3823922, 0.33773124, 0.27987655], 1e-8);
        p.AsSpan(24, 3).ToArray().ShouldBe([0.27987655, 0.33773124, 0.3823922], 1e-8);
    }

    [Fact]
    public void Fit_LearningRate_ScalesEveryWeight()
    {
        var data = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4], [5], [6]]), [0, 0, 1, 0, 1, 1], 2);

        var model = new AdaBoostClassifierLearner(new AdaBoostOptions { Rounds = 1, LearningRate = 0.5 }).Fit(data);

        model.EstimatorWeights[0].ShouldBe(0.5 * Math.Log(5), 1e-12);
    }

    [Fact]
    public void Fit_PerfectFirstStump_StopsWithOneMember()
    {
        var data = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4]]), [0, 0, 1, 1], 2);

        var model = new AdaBoostClassifierLearner().Fit(data);

        model.MemberCount.ShouldBe(1);
        model.EstimatorErrors[0].ShouldBe(0);
    }

    [Fact]
    public void Fit_WeakLearnerNoBetterThanChance_ThrowsClearly()
    {
        // A depth-0 "tree" predicts the majority class: error 1/2 = 1 − 1/K.
        var data = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3], [4]]), [0, 1, 1, 0], 2);
        var learner = new AdaBoostClassifierLearner(new AdaBoostOptions { BaseLearner = TestLearners.Tree(0) });

        Should.Throw<ArgumentException>(() => learner.Fit(data)).Message.ShouldContain("no better than chance");
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new AdaBoostClassifierLearner(new AdaBoostOptions { Rounds = 0, LearningRate = -1, BaseLearner = null! }));

        error.Message.ShouldContain("Rounds");
        error.Message.ShouldContain("LearningRate");
        error.Message.ShouldContain("BaseLearner");
    }
}
