using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Vigil.ML;
using Vigil.ML.Anomaly;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

public sealed class IsolationScoreTests
{
    // Six ordinary rows, one far outlier (row 6), one row with a missing value (row 7).
    private static DataFrame Frame() => new(
    [
        new Float64Column("a", [1, 1.2, 0.9, 1.1, 1, 0.95, 9, 1]),
        new Float64Column("b", [2, 2.1, 1.9, 2, 2.05, 1.95, -7, double.NaN]),
    ]);

    [Fact]
    public void Transform_Outlier_ScoresHighestAndMissingRowIsNaN()
    {
        var fitted = FeatureTransforms.IsolationScore(new IsolationScoreOptions { TreeCount = 50 }).Fit(Frame(), new(Seed: 11));

        var scores = TransformAssert.Values(fitted.Transform(Frame()), "anomaly_score");

        double.IsNaN(scores[7]).ShouldBeTrue();
        scores[..7].Max().ShouldBe(scores[6]);
        scores[..6].ShouldAllBe(s => s < scores[6]);
    }

    [Fact]
    public void Fit_ContextSeed_MatchesVigilMlForestOnTheCompleteRows()
    {
        var fitted = FeatureTransforms.IsolationScore(new IsolationScoreOptions { TreeCount = 30, MaxSamples = 4 }).Fit(Frame(), new(Seed: 3));
        var complete = FeatureMatrix.FromRows([[1, 2], [1.2, 2.1], [0.9, 1.9], [1.1, 2], [1, 2.05], [0.95, 1.95], [9, -7]]);
        var forest = new IsolationForest(new IsolationForestOptions { TreeCount = 30, MaxSamples = 4, Seed = 3 }).Fit(complete);

        var scores = TransformAssert.Values(fitted.Transform(Frame()), "anomaly_score");

        scores[..7].ShouldBe(forest.Score(complete));
    }

    [Fact]
    public void Fit_OtherSeed_GivesOtherForest()
    {
        var options = new IsolationScoreOptions { TreeCount = 10, MaxSamples = 4 };
        var one = FeatureTransforms.IsolationScore(options).Fit(Frame(), new(Seed: 1)).Transform(Frame());
        var two = FeatureTransforms.IsolationScore(options).Fit(Frame(), new(Seed: 2)).Transform(Frame());

        TransformAssert.Values(one, "anomaly_score")[..7].ShouldNotBe(TransformAssert.Values(two, "anomaly_score")[..7]);
    }

    [Fact]
    public void Transform_OutputColumnExists_ThrowsNamingIt()
    {
        var fitted = FeatureTransforms.IsolationScore(new IsolationScoreOptions { Columns = ["a"], OutputColumn = "b" }).Fit(Frame(), new());

        Should.Throw<ArgumentException>(() => fitted.Transform(Frame())).Message.ShouldContain("output column 'b' already exists");
    }
}
