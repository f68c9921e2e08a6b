using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Synthesis;
using Xunit;

namespace Vigil.Features.Tests.Synthesis;

public sealed class FeatureSynthesisTests
{
    internal static readonly FeatureSynthesisOptions Fast = new() { ScoringRounds = 40, Folds = 3, ScreenTop = 6 };

    [Fact]
    public void Fit_TargetDrivenByProduct_KeepsTheProduct()
    {
        var frame = TestFrames.Uniform(1500, 1, (a, b, _, _) => a * b > 40);

        var fitted = new FeatureSynthesis(Fast).Fit(frame, new FeatureFitContext(Target: "y", Seed: 3));

        fitted.Features.ShouldContain(f => f.Operation == SynthesisOperation.Product && new[] { f.Left, f.Right }.Order().SequenceEqual(new[] { "a", "b" }), string.Join("\n", fitted.Report!.ToLines()));
        fitted.Features.Count.ShouldBeLessThanOrEqualTo(Fast.MaxFeatures);
        fitted.Report!.FinalScore.ShouldBeGreaterThan(fitted.Report.BaseScore);
        fitted.Report.CandidatesConsidered.ShouldBe((6 * 4) + 4); // 6 pairs × (product, 2 ratios, difference) + 4 squares; the target is never a parent
        fitted.Describe().ShouldContain("product(a, b)");
    }

    [Fact]
    public void Fit_TargetDrivenByDifference_KeepsTheDifference()
    {
        var frame = TestFrames.Uniform(1500, 2, (_, _, c, d) => d - c > 4);

        var fitted = new FeatureSynthesis(Fast).Fit(frame, new FeatureFitContext(Target: "y", Seed: 1));

        fitted.Features.ShouldContain(f => f.Operation == SynthesisOperation.Difference && f.Left == "d" && f.Right == "c");
    }

    [Fact]
    public void Fit_PureNoiseTarget_KeepsNothing()
    {
        var random = new Random(5);
        var frame = TestFrames.Uniform(1200, 3, (_, _, _, _) => random.NextDouble() < 0.2);

        var fitted = new FeatureSynthesis(Fast).Fit(frame, new FeatureFitContext(Target: "y", Seed: 2));

        fitted.Features.ShouldBeEmpty(string.Join("\n", fitted.Report!.ToLines()));
        fitted.Describe().ShouldContain("adds nothing");
        fitted.Transform(frame).ColumnCount.ShouldBe(frame.ColumnCount);
    }

    [Fact]
    public void Fit_SameSeed_SameFeaturesAndReport()
    {
        var frame = TestFrames.Uniform(1000, 4, (a, b, c, _) => a * b > 30 || c < 2);
        var synthesis = new FeatureSynthesis(Fast);

        var first = synthesis.Fit(frame, new FeatureFitContext(Target: "y", Seed: 7));
        var second = synthesis.Fit(frame, new FeatureFitContext(Target: "y", Seed: 7));

        second.Features.ShouldBe(first.Features);
        second.Report!.ToLines().ShouldBe(first.Report!.ToLines());
    }

    [Fact]
    public void Fit_AllowListAndExclude_OnlyThoseColumnsAreParents()
    {
        var frame = TestFrames.Uniform(800, 5, (a, b, _, _) => a * b > 40);

        var allowed = new FeatureSynthesis(Fast with { Columns = ["c", "d"] }).Fit(frame, new FeatureFitContext(Target: "y"));
        var excluded = new FeatureSynthesis(Fast with { Exclude = ["a"] }).Fit(frame, new FeatureFitContext(Target: "y"));

        allowed.Report!.Candidates.ShouldAllBe(c => c.Feature.Left != "a" && c.Feature.Left != "b" && c.Feature.Right != "a" && c.Feature.Right != "b");
        excluded.Report!.Candidates.ShouldAllBe(c => c.Feature.Left != "a" && c.Feature.Right != "a");
    }

    [Fact]
    public void Fit_NoTarget_ThrowsNamingTheContext()
    {
        var frame = TestFrames.Uniform(100, 6, (a, _, _, _) => a > 5);

        Should.Throw<ArgumentException>(() => new FeatureSynthesis(Fast).Fit(frame, new FeatureFitContext())).Message.ShouldContain("Target");
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new FeatureSynthesis(new FeatureSynthesisOptions { MaxFeatures = 0, Folds = 1, Operations = [] }));

        error.Message.ShouldContain("MaxFeatures");
        error.Message.ShouldContain("Folds");
        error.Message.ShouldContain("Operations");
    }

    [Fact]
    public void Transform_ServingFrame_ComputesKeptFormulasAndGuardsRatios()
    {
        var fitted = new FittedFeatureSynthesis(
            [new SynthesizedFeature("a/b", SynthesisOperation.Ratio, "a", "b", Guard: 1e-3), new SynthesizedFeature("a*b", SynthesisOperation.Product, "a", "b")], [0.1, 0.05]);
        var frame = new DataFrame([new Float64Column("a", [6, 1, double.NaN]), new Float64Column("b", [3, 1e-6, 2])]);

        var result = fitted.Transform(frame);

        result.Get<Float64Column>("a/b").ToArray().ShouldBe([2, double.NaN, double.NaN]);
        result.Get<Float64Column>("a*b").ToArray().ShouldBe([18, 1e-6, double.NaN]);
        fitted.OutputColumns.ShouldBe(["a/b", "a*b"]);
        fitted.InputSchema.Columns.Select(c => c.Name).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Transform_MissingParent_ThrowsNamingIt()
    {
        var fitted = new FittedFeatureSynthesis([new SynthesizedFeature("a*b", SynthesisOperation.Product, "a", "b")], [0.1]);

        Should.Throw<ArgumentException>(() => fitted.Transform(new DataFrame([new Float64Column("a", [1.0])]))).Message.ShouldContain("'b'");
    }

    [Fact]
    public void WriteRead_ThroughStepCodecs_SameColumnsAndDescription()
    {
        var fitted = new FittedFeatureSynthesis(
            [new SynthesizedFeature("a-b", SynthesisOperation.Difference, "a", "b"), new SynthesizedFeature("c^2", SynthesisOperation.Square, "c", null)], [0.2, 0.01]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            FeatureStepCodecs.Write(fitted, writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new FeatureStepCodecs(SynthesisSteps.Readers).Read(reader);

        read.ShouldBeOfType<FittedFeatureSynthesis>().Features.ShouldBe(fitted.Features);
        read.Describe().ShouldBe(fitted.Describe());
        var frame = new DataFrame([new Float64Column("a", [5.0]), new Float64Column("b", [2.0]), new Float64Column("c", [3.0])]);
        read.Transform(frame).Get<Float64Column>("c^2")[0].ShouldBe(9);
    }
}
