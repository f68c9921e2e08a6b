using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Pipeline;
using Vigil.Features.Spec;
using Vigil.Features.Tests.Transforms;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Persistence;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.Features.Tests.Pipeline;

/// <summary>A fitted pipeline travels inside a real model file and serving computes exactly what training computed.</summary>
public sealed class FeaturePipelineModelFileTests
{
    private const string Spec = """
        version: 1
        steps:
          - datetime_parts: {columns: [ts], parts: [hour, weekday], cyclic: true, drop_input: true}
          - one_hot: {columns: [machine], unknown: ignore}
          - ordinal: {columns: [shift], in_place: false}
          - standard_scale: {columns: [temp, torque]}
          - isolation_score: {columns: [temp, torque], trees: 25}
          - kmeans: {columns: [temp, torque], k: 3, restarts: 2}
        """;

    private static DataFrame Frame(int rows, int offset)
    {
        var temp = new double[rows];
        var torque = new double[rows];
        var machine = new string?[rows];
        var shift = new string?[rows];
        var ts = new long[rows];
        var failed = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var i = r + offset;
            temp[r] = i % 11 == 5 ? double.NaN : 300 + ((i * 7) % 13);
            torque[r] = 40 + ((i * 5) % 17);
            machine[r] = i % 9 == 4 ? null : ((char)('A' + (i % 3))).ToString();
            shift[r] = (i % 4) switch { 0 => "early", 1 => "late", 2 => "night", _ => "late" };
            ts[r] = TinyFrames.Utc(2024, 1 + (i % 12), 1 + (i % 28), i % 24);
            failed[r] = (torque[r] > 50 && i % 24 > 12) || machine[r] == "C" && temp[r] > 308 ? "yes" : "no";
        }

        return new DataFrame(
        [
            new Float64Column("temp", temp), new Float64Column("torque", torque), CategoricalColumn.FromValues("machine", machine),
            new StringColumn("shift", shift), new TimestampColumn("ts", ts), CategoricalColumn.FromValues("failed", failed),
        ]);
    }

    private static (TabularClassifier Model, FittedFeaturePipeline Pipeline) Train()
    {
        var pipeline = FeatureCatalog.Build(FeaturePipelineSpec.Parse(Spec, "features.yaml"));
        var training = Frame(60, 0);
        var fitted = pipeline.Fit(training, new FeatureFitContext(Target: "failed", Seed: 7), TestContext.Current.CancellationToken);
        var model = TabularClassifier.Fit(new DecisionTreeLearner(), training, new TabularEncoderOptions { Target = "failed" }, fitted, TestContext.Current.CancellationToken);
        return (model, fitted);
    }

    [Fact]
    public void SaveLoad_ClassifierWithPipeline_PredictsIdenticallyOnRawFrames()
    {
        var (model, pipeline) = Train();
        var serving = Frame(25, 1000).Drop("failed").WithColumn(CategoricalColumn.FromValues("machine", [.. Enumerable.Range(0, 25).Select(i => i == 3 ? "Z" : "B")]));

        using var stream = new MemoryStream();
        ModelFile.Save(model, stream, FeatureCatalog.ModelCodecs);
        stream.Position = 0;
        var loaded = (TabularClassifier)ModelFile.Load(stream, FeatureCatalog.ModelCodecs);

        var loadedPipeline = loaded.Preprocessor.ShouldBeOfType<FittedFeaturePipeline>();
        loadedPipeline.Describe().ShouldBe(pipeline.Describe());
        loadedPipeline.InputSchema.ShouldBe(pipeline.InputSchema);
        loaded.Encoding.FeatureNames.ShouldBe(model.Encoding.FeatureNames);
        loaded.Encoding.FeatureNames.ShouldContain("anomaly_score");
        loaded.Encoding.FeatureNames.ShouldContain("ts_hour_sin");
        TransformAssert.SameFrame(loaded.Preprocess(serving), model.Preprocess(serving));
        loaded.PredictProba(serving).ShouldBe(model.PredictProba(serving));
        loaded.PredictLabels(serving).ShouldBe(model.PredictLabels(serving));
    }

    [Fact]
    public void Preprocess_TrainingFrame_EqualsWhatTheLearnerSaw()
    {
        var (model, pipeline) = Train();
        var training = Frame(60, 0);

        TransformAssert.SameFrame(model.Preprocess(training.Drop("failed")), pipeline.Transform(training).Drop("failed"));
    }

    [Fact]
    public void Load_WithoutFeatureCodecs_FailsNamingThePipelineKind()
    {
        var (model, _) = Train();
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream, FeatureCatalog.ModelCodecs);
        stream.Position = 0;

        Should.Throw<ModelFileException>(() => ModelFile.Load(stream)).Message.ShouldContain("vigil.features.pipeline");
    }

    [Fact]
    public void Predict_ServingFrameMissingARawColumn_FailsNamingIt()
    {
        var (model, _) = Train();

        Should.Throw<ArgumentException>(() => model.PredictProba(Frame(5, 0).Drop("failed", "shift"))).Message.ShouldContain("ordinal: column 'shift' is missing");
    }
}
