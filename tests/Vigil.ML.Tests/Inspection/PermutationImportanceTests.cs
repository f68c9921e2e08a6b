using Shouldly;
using Vigil.ML.Forests;
using Vigil.ML.Inspection;
using Vigil.ML.Tests.Conformance;
using Vigil.ML.Tests.Forests;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Inspection;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void Compute_Classifier_RanksTheInformativeFeatureFirst()
    {
        var model = new RandomForestClassifierLearner(new RandomForestClassifierOptions { TreeCount = 30 }).Fit(ForestData.Classification(800, 1));
        var test = ForestData.Classification(500, 2);

        var result = PermutationImportance.Compute(model, test, new PermutationImportanceOptions { Repeats = 3, Seed = 1 });

        result.ScoreName.ShouldBe("roc_auc");
        result.Ranked()[0].Index.ShouldBe(0);
        result.Ranked()[1].Index.ShouldBe(1);
        result.Features[0].Mean.ShouldBeGreaterThan(0.1);
        result.Features.Skip(2).ShouldAllBe(f => Math.Abs(f.Mean) < 0.02);
        result.Features[0].Drops.Count.ShouldBe(3);
    }

    [Fact]
    public void Compute_Regressor_RanksTheStrongestTermFirstAndIsSeeded()
    {
        // y = 3·x0 − 2·x1 + x2² + noise: x0 matters most, x3 not at all.
        var model = new DecisionTreeRegressorLearner(new DecisionTreeRegressorOptions { MaxDepth = 8 }).Fit(RegressorLearnerConformance.Data(600, 1));
        var test = RegressorLearnerConformance.Data(300, 2);

        var a = PermutationImportance.Compute(model, test, new PermutationImportanceOptions { Seed = 4 });
        var b = PermutationImportance.Compute(model, test, new PermutationImportanceOptions { Seed = 4 });

        a.ScoreName.ShouldBe("r2");
        a.Ranked().Select(f => f.Index).ToArray().ShouldBe([0, 1, 2, 3]);
        a.Features.Select(f => f.Mean).ShouldBe(b.Features.Select(f => f.Mean));
        a.Features[3].Mean.ShouldBe(0, 0.01);
    }

    [Fact]
    public void Compute_Accuracy_ConstantModelHasZeroImportance()
    {
        var data = ForestData.Classification(200, 3);
        var model = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 0 }).Fit(data);

        var result = PermutationImportance.Compute(model, data, new PermutationImportanceOptions { Scoring = PermutationScoring.Accuracy });

        result.Features.ShouldAllBe(f => f.Mean == 0 && f.StdDev == 0);
    }

    [Fact]
    public void Compute_InvalidOptions_Throws()
    {
        var data = ForestData.Classification(50, 3);
        var model = new DecisionTreeLearner().Fit(data);

        Should.Throw<ArgumentException>(() => PermutationImportance.Compute(model, data, new PermutationImportanceOptions { Repeats = 0 })).Message.ShouldContain("Repeats");
    }
}
