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

        Should.Throw<ArgumentException>(() => Job.Run(frame, new TrainingRequest("y", "tree"))).Message.ShouldContain("regression");
    }

    [Fact]
    public void TrainingRequest_BadValues_ReportsAllAtOnce()
    {
        var message = Should.Throw<ArgumentException>(() => new TrainingRequest("", "", testFraction: 1.5)).Message;

        message.ShouldContain("target");
        message.ShouldContain("model");
        message.ShouldContain("test fraction");
    }
}
