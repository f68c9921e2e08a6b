using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Spec;
using Xunit;

namespace Vigil.Features.Tests.Spec;

public sealed class WindowSpecTests
{
    private const string Yaml = """
        version: 1
        steps:
          - rolling: {columns: [wear], windows: [2], stats: [mean, max], group: machine, time: cycle}
          - lag: {columns: [wear], lags: [1], group: machine, time: cycle}
          - diff: {columns: [wear], group: machine, time: cycle}
          - cumulative: {columns: [wear], group: machine, time: cycle}
        """;

    [Fact]
    public void Build_WindowSteps_FitTransformAndRoundTripThroughTheCatalogCodecs()
    {
        var frame = new DataFrame(
        [
            CategoricalColumn.FromValues("machine", ["a", "a", "b", "a"]),
            new Float64Column("cycle", [1, 2, 1, 3]),
            new Float64Column("wear", [2, 4, 10, 8]),
        ]);
        var pipeline = FeatureCatalog.Build(FeaturePipelineSpec.Parse(Yaml, "features.yaml"));

        var fitted = pipeline.Fit(frame, new FeatureFitContext());
        var result = fitted.Transform(frame);

        result.Get<Float64Column>("wear_mean_w2").ToArray().ShouldBe([2, 3, 10, 6]);
        result.Get<Float64Column>("wear_max_w2").ToArray().ShouldBe([2, 4, 10, 8]);
        result.Get<Float64Column>("wear_lag1").ToArray()[1].ShouldBe(2);
        result.Get<Float64Column>("wear_diff1").ToArray()[3].ShouldBe(4);
        result.Get<Float64Column>("wear_cumsum").ToArray().ShouldBe([2, 6, 10, 14]);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            new Vigil.Features.Pipeline.FeaturePipelineCodec(FeatureCatalog.StepCodecs).Write(fitted, writer, FeatureCatalog.ModelCodecs);
        }

        stream.Position = 0;
        var loaded = new Vigil.Features.Pipeline.FeaturePipelineCodec(FeatureCatalog.StepCodecs).Read(new BinaryReader(stream), 2, FeatureCatalog.ModelCodecs);
        loaded.Transform(frame).Get<Float64Column>("wear_mean_w2").ToArray().ShouldBe([2, 3, 10, 6]);
    }

    [Fact]
    public void Build_BadStatistic_LocatedError()
    {
        var yaml = "version: 1\nsteps:\n  - rolling: {columns: [x], windows: [3], stats: [median]}\n";

        Should.Throw<FeatureSpecException>(() => FeatureCatalog.Build(FeaturePipelineSpec.Parse(yaml, "f.yaml"))).Message.ShouldContain("median");
    }
}
