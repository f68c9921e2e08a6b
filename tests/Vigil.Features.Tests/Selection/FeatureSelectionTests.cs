using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Selection;
using Vigil.Features.Synthesis;
using Xunit;

namespace Vigil.Features.Tests.Selection;

public sealed class FeatureSelectionTests
{
    [Fact]
    public void Fit_ConstantColumn_DroppedWithReason()
    {
        var frame = TestFrames.Uniform(200, 1, (a, _, _, _) => a > 5).WithColumn(new Float64Column("k", [.. Enumerable.Repeat(3.0, 200)]));

        var fitted = new FeatureSelection().Fit(frame, new FeatureFitContext(Target: "y"));

        fitted.DroppedColumns.ShouldBe(["k"]);
        fitted.Report!.Dropped.Single().Reason.ShouldBe(DropReason.Constant);
        fitted.Transform(frame).Contains("k").ShouldBeFalse();
        fitted.Transform(frame).Contains("y").ShouldBeTrue();
    }

    [Fact]
    public void Fit_NearDuplicateWithTarget_KeepsTheMoreInformativeEvenWhenLater()
    {
        var random = new Random(99); // not the frame's seed: the noise must be independent of a
        var frame = TestFrames.Uniform(800, 2, (a, _, _, _) => a > 5);
        var a = frame.Get<Float64Column>("a").ToArray();
        var noisy = a.Select(v => v + (0.8 * (random.NextDouble() - 0.5))).ToArray(); // |r| ≈ 0.99 with a, but blurs the a > 5 boundary
        frame = new DataFrame([new Float64Column("noisy", noisy), .. frame.Columns]);

        var fitted = new FeatureSelection().Fit(frame, new FeatureFitContext(Target: "y"));

        fitted.DroppedColumns.ShouldBe(["noisy"], string.Join(", ", fitted.Report!.Scores.Select(p => $"{p.Key}={p.Value}")));
        fitted.Report!.Dropped.Single().Detail.ShouldContain("'a'");
    }

    [Fact]
    public void Fit_NearDuplicateWithoutTarget_KeepsTheEarlierColumn()
    {
        var frame = TestFrames.Uniform(300, 3, (a, _, _, _) => a > 5);
        frame = frame.WithColumn(new Float64Column("twice_b", [.. frame.Get<Float64Column>("b").ToArray().Select(v => 2 * v)]));

        var fitted = new FeatureSelection().Fit(frame, new FeatureFitContext());

        fitted.DroppedColumns.ShouldBe(["twice_b"]);
        fitted.Report!.Dropped.Single().Reason.ShouldBe(DropReason.NearDuplicate);
    }

    [Theory]
    [InlineData(SelectionRanking.Relevance)]
    [InlineData(SelectionRanking.PermutationImportance)]
    public void Fit_TopK_KeepsTheColumnsTheTargetDependsOn(SelectionRanking ranking)
    {
        var frame = TestFrames.Uniform(900, 4, (_, b, c, _) => b + c > 11);

        var fitted = new FeatureSelection(new FeatureSelectionOptions { TopK = 2, Ranking = ranking }).Fit(frame, new FeatureFitContext(Target: "y", Seed: 1));

        fitted.Report!.Kept.ShouldBe(["b", "c"]);
        fitted.Report.Dropped.ShouldAllBe(d => d.Reason == DropReason.BelowTopK);
    }

    [Fact]
    public void Fit_TopKWithoutTarget_Throws()
    {
        var frame = TestFrames.Uniform(100, 5, (a, _, _, _) => a > 5);

        Should.Throw<ArgumentException>(() => new FeatureSelection(new FeatureSelectionOptions { TopK = 1 }).Fit(frame, new FeatureFitContext()));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new FeatureSelection(new FeatureSelectionOptions { CorrelationThreshold = 0, TopK = 0 }));

        error.Message.ShouldContain("CorrelationThreshold");
        error.Message.ShouldContain("TopK");
    }

    [Fact]
    public void WriteRead_ThroughStepCodecs_DropsTheSameColumns()
    {
        var fitted = new FittedFeatureSelection(["b", "gone"]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            FeatureStepCodecs.Write(fitted, writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new FeatureStepCodecs(SynthesisSteps.Readers).Read(reader);

        read.Kind.ShouldBe(FittedFeatureSelection.KindName);
        read.Transform(TestFrames.Uniform(10, 6, (a, _, _, _) => a > 5)).ColumnNames.ShouldBe(["a", "c", "d", "y"]);
    }

    [Fact]
    public void Pipeline_SynthesizeThenSelect_FitsOnTrainingRowsAndRunsAtServingTime()
    {
        var frame = TestFrames.Uniform(1200, 7, (a, b, _, _) => a * b > 40);
        var pipeline = new Vigil.Features.Pipeline.FeaturePipeline([new FeatureSynthesis(Synthesis.FeatureSynthesisTests.Fast), new FeatureSelection()]);

        var fitted = pipeline.Fit(frame, new FeatureFitContext(Target: "y", Seed: 1));
        var serving = fitted.Transform(frame.Drop("y").Head(5));

        serving.Contains("a*b").ShouldBeTrue();
        fitted.Describe().Count.ShouldBe(2);
    }
}
