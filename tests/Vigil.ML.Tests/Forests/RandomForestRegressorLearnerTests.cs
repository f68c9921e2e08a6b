using Shouldly;
using Vigil.ML.Evaluation;
using Vigil.ML.Forests;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Forests;

public sealed class RandomForestRegressorLearnerTests
{
    private static double[] Predict(IRegressorModel model, FeatureMatrix x)
    {
        var result = new double[x.RowCount];
        model.Predict(x, result);
        return result;
    }

    [Fact]
    public void Fit_ParallelAndSequential_GiveBitIdenticalForests()
    {
        var data = RegressorLearnerConformance.Data(500, 1);
        var options = new RandomForestRegressorOptions { TreeCount = 25, Seed = 9, OobScore = true, MaxSamples = 0.7 };

        var sequential = new RandomForestRegressorLearner(options with { MaxDegreeOfParallelism = 1 }).Fit(data);
        var parallel = new RandomForestRegressorLearner(options with { MaxDegreeOfParallelism = 3 }).Fit(data);

        RandomForestClassifierLearnerTests.Bytes(parallel).ShouldBe(RandomForestClassifierLearnerTests.Bytes(sequential));
        parallel.OobPredictions.ToArray().ShouldBe(sequential.OobPredictions.ToArray());
    }

    [Fact]
    public void OobScore_SmoothTarget_IsCloseToHeldOutR2()
    {
        var model = new RandomForestRegressorLearner(new RandomForestRegressorOptions { OobScore = true, TreeCount = 60 }).Fit(RegressorLearnerConformance.Data(1500, 1));
        var test = RegressorLearnerConformance.Data(1000, 2);

        var heldOut = RegressionMetrics.Compute(test.Targets, Predict(model, test.Features)).R2;

        model.OobScore.ShouldBe(heldOut, 0.03);
        heldOut.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Fit_NoBootstrapUnlimited_ReproducesTrainingTargets()
    {
        // Every feature a candidate, every row in every tree, distinct x: each tree interpolates the data.
        var data = new RegressionSet(FeatureMatrix.FromRows([[1], [2], [3], [4], [5], [6]]), [1, 2, 3, 4, 100, 5]);

        var model = new RandomForestRegressorLearner(new RandomForestRegressorOptions { TreeCount = 3, Bootstrap = false }).Fit(data);

        Predict(model, data.Features).ShouldBe([1, 2, 3, 4, 100, 5]);
        model.FeatureImportances.ToArray().ShouldBe([1.0]);
    }

    [Fact]
    public void Fit_MaxFeaturesSubset_StillFitsWell()
    {
        var model = new RandomForestRegressorLearner(new RandomForestRegressorOptions { MaxFeatures = 2, TreeCount = 40 }).Fit(RegressorLearnerConformance.Data(800, 3));
        var test = RegressorLearnerConformance.Data(400, 4);

        RegressionMetrics.Compute(test.Targets, Predict(model, test.Features)).R2.ShouldBeGreaterThan(0.85);
    }
}
