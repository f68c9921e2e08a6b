using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.ML;
using Vigil.Pipelines.Training;
using Xunit;

namespace Vigil.Pipelines.Tests.Training;

public sealed class TrainingJobTests
{
    private static readonly TrainingJob Job = new(LearnerCatalog.Default, TimeProvider.System);

    [Fact]
    public void Run_GeneratedMachines_ExcludesLeakageAndIdentifiersAndHoldsOutTwentyPercent()
    {
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(2000, 4));

        var result = Job.Run(frame, new TrainingRequest("Machine failure", "tree", seed: 1));

        result.Task.ShouldBe(ModelTask.Classification);
        result.TrainRows.ShouldBe(1600);
        result.TestRows.ShouldBe(400);
        result.ExcludedColumns.Keys.ShouldContain("TWF");
        result.ExcludedColumns.Keys.ShouldContain("UDI");
        result.Model.Encoding.FeatureNames.ShouldNotContain("TWF");
        result.Test["roc_auc"].ShouldBeGreaterThan(0.7);
        result.Model.Info.Metrics.ShouldBe(result.Test);
    }

    [Fact]
    public void Run_MissingTarget_ThrowsNamingIt()
    {
        var frame = new DataFrame([new Float64Column("x", [1, 2])]);

        Should.Throw<ArgumentException>(() => Job.Run(frame, new TrainingRequest("y", "tree"))).Message.ShouldContain("'y'");
    }

    [Fact]
    public void Run_ModelWithoutRegression_ThrowsForNumericTarget()
    {
        var x = Enumerable.Range(0, 200).Select(i => i / 10.0).ToArray();
        var frame = new DataFrame([new Float64Column("x", x), new Float64Column("y", [.. x.Select(v => (v * 1.5) + 0.25)])]);

        Should.Throw<ArgumentException>(() => Job.Run(frame, new TrainingRequest("y", "logreg"))).Message.ShouldContain("regression");
    }

    [Fact]
    public void TrainingRequest_BadValues_ReportsAllAtOnce()
    {
        var message = Should.Throw<ArgumentException>(() => new TrainingRequest("", "", testFraction: 1.5)).Message;

        message.ShouldContain("target");
        message.ShouldContain("model");
        message.ShouldContain("test fraction");
    }

    [Fact]
    public void Run_CvTuneAndThreshold_ReportsAllAndRecordsThemInTheModel()
    {
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(1500, 8));
        var request = new TrainingRequest("Machine failure", "tree", seed: 2, cvFolds: 3, tuning: new TuningRequest("random", trials: 6), tuneThreshold: true);

        var result = Job.Run(frame, request);

        result.CrossValidation.Keys.ShouldBe(["accuracy", "f1_macro", "log_loss", "f1", "roc_auc", "pr_auc"], ignoreOrder: true);
        result.Tuning.ShouldNotBeNull();
        result.Tuning.Trials.ShouldBe(6);
        result.Tuning.Metric.ShouldBe("roc_auc");
        result.Tuning.BestParameters.Keys.ShouldBe(["max_depth", "min_samples_leaf"], ignoreOrder: true);
        result.DecisionThreshold.ShouldNotBeNull();
        result.Test["threshold"].ShouldBe(result.DecisionThreshold.Value);
        result.Model.Info.DecisionThreshold.ShouldBe(result.DecisionThreshold);
        result.Model.Info.Parameters["max_depth"].ShouldBe(result.Tuning.BestParameters["max_depth"]);
    }

    [Fact]
    public void Run_TuneWithFixedParameter_KeepsTheUsersValue()
    {
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(1000, 9));
        var request = new TrainingRequest("Machine failure", "tree", LearnerParameters.Parse(["max_depth=3"]), seed: 1, tuning: new TuningRequest("random", trials: 4));

        var result = Job.Run(frame, request);

        result.Tuning!.BestParameters.ContainsKey("max_depth").ShouldBeFalse();
        result.Model.Info.Parameters["max_depth"].ShouldBe("3");
    }

    [Fact]
    public void Run_SameSeed_TuningIsRepeatable()
    {
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(1000, 10));
        var request = new TrainingRequest("Machine failure", "tree", seed: 4, tuning: new TuningRequest("tpe", trials: 8));

        var a = Job.Run(frame, request);
        var b = Job.Run(frame, new TrainingRequest("Machine failure", "tree", seed: 4, tuning: new TuningRequest("tpe", trials: 8)));

        a.Tuning!.BestParameters.ShouldBe(b.Tuning!.BestParameters);
        a.Test.ShouldBe(b.Test);
    }

    [Fact]
    public void Run_GroupSplit_NoMachineOnBothSides()
    {
        var rows = 600;
        var machine = Enumerable.Range(0, rows).Select(i => (double)(i % 30)).ToArray();
        var x = Enumerable.Range(0, rows).Select(i => (double)(i % 17)).ToArray();
        var y = x.Select((v, i) => (v > 8) ^ (i % 7 == 0) ? 1.0 : 0.0).ToArray(); // noisy, so x is not a leakage suspect
        var frame = new DataFrame([new Float64Column("machine", machine), new Float64Column("x", x), new Float64Column("y", y)]);

        var result = Job.Run(frame, new TrainingRequest("y", "tree", holdOut: HoldOutKind.Group, groupColumn: "machine", seed: 3));

        result.SplitKind.ShouldBe("group");
        result.ExcludedColumns["machine"].ShouldBe("group column");
        result.TestRows.ShouldBe(120); // 6 of 30 machines, 20 rows each
    }

    [Fact]
    public void TrainingRequest_TimeSplitWithoutColumn_Throws()
    {
        Should.Throw<ArgumentException>(() => new TrainingRequest("y", "tree", holdOut: HoldOutKind.Time)).Message.ShouldContain("--time");
    }

    [Fact]
    public void Run_OnlyLeakingFeatures_ThrowsExplainingWhy()
    {
        var x = Enumerable.Range(0, 300).Select(i => (double)(i % 17)).ToArray();
        var frame = new DataFrame([new Float64Column("x", x), new Float64Column("y", [.. x.Select(v => v > 8 ? 1.0 : 0.0)])]);

        var message = Should.Throw<ArgumentException>(() => Job.Run(frame, new TrainingRequest("y", "tree"))).Message;

        message.ShouldContain("No feature is left");
        message.ShouldContain("'x' leakage suspect");
    }

    [Fact]
    public void Run_NumericTargetWithRegressor_ReportsRegressionMetrics()
    {
        var x = Enumerable.Range(0, 400).Select(i => i / 10.0).ToArray();
        var frame = new DataFrame([new Float64Column("x", x), new Float64Column("noise", [.. x.Select((_, i) => (i * 7919 % 100) / 100.0)]), new Float64Column("y", [.. x.Select((v, i) => (v * 1.5) + ((i * 7919 % 100) / 50.0))])]);

        var result = Job.Run(frame, new TrainingRequest("y", "gbdt", cvFolds: 3, seed: 2));

        result.Task.ShouldBe(ModelTask.Regression);
        result.SplitKind.ShouldBe("random");
        result.Test.Keys.ShouldContain("rmse");
        result.Test["r2"].ShouldBeGreaterThan(0.9);
        result.CrossValidation.Keys.ShouldBe(["rmse", "mae", "r2"], ignoreOrder: true);
    }

    [Fact]
    public void Run_AutoFeatures_NeverSeeLeakingColumnsAndTravelWithTheModel()
    {
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(2000, 12));
        var pipeline = Vigil.Features.FeatureCatalog.Build(Vigil.Features.Spec.FeaturePipelineSpec.Parse("version: 1\nsteps:\n  - synthesize\n", "auto"));

        var result = Job.Run(frame, new TrainingRequest("Machine failure", "tree", seed: 3, features: pipeline));

        var fitted = result.Model.Preprocessor.ShouldBeOfType<Vigil.Features.Pipeline.FittedFeaturePipeline>();
        fitted.InputSchema.Columns.Select(c => c.Name).ShouldNotContain("TWF");
        fitted.InputSchema.Columns.Select(c => c.Name).ShouldNotContain("UDI");
        result.Model.Encoding.FeatureNames.ShouldAllBe(f => !f.Contains("TWF", StringComparison.Ordinal) && !f.Contains("OSF", StringComparison.Ordinal));
        var raw = frame.Drop("Machine failure", "TWF", "HDF", "PWF", "OSF", "RNF", "UDI", "Product ID");
        ((TabularClassifier)result.Model).PredictProba(raw).Length.ShouldBe(raw.RowCount * 2);
    }
}
