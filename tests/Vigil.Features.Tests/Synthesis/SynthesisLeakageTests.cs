using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.Features.Synthesis;
using Xunit;

namespace Vigil.Features.Tests.Synthesis;

/// <summary>Synthesis scores candidates on the training rows it is given and on nothing else.</summary>
public sealed class SynthesisLeakageTests
{
    [Fact]
    public void Fit_ProductPredictsOnlyTheHeldOutRows_IsNotKept()
    {
        // Training rows: y is unrelated to a*b. Held-out rows: y = [a*b > 40]. A step that peeked at held-out rows would keep a*b.
        var random = new Random(11);
        var train = TestFrames.Uniform(1200, 21, (_, _, _, _) => random.NextDouble() < 0.25);
        var test = TestFrames.Uniform(400, 22, (a, b, _, _) => a * b > 40);

        var fitted = new FeatureSynthesis(FeatureSynthesisTests.Fast).Fit(train, new FeatureFitContext(Target: "y", Seed: 1));

        fitted.Features.ShouldNotContain(f => f.Operation == SynthesisOperation.Product && f.Left == "a" && f.Right == "b");
        fitted.Transform(test).Contains("a*b").ShouldBeFalse();
    }

    [Fact]
    public void Fit_SameTrainingRowsWhateverTheHeldOutRows_SameResult()
    {
        var whole = TestFrames.Uniform(1600, 23, (a, b, _, _) => a * b > 40);
        var split = StratifiedSplit.Split([.. whole.Get<Float64Column>("y").ToArray().Select(v => (int)v)], 0.25, 3);
        var train = whole.Take(split.Train);
        var synthesis = new FeatureSynthesis(FeatureSynthesisTests.Fast);

        var fromTrain = synthesis.Fit(train, new FeatureFitContext(Target: "y", Seed: 2));
        var again = synthesis.Fit(whole.Take(split.Train), new FeatureFitContext(Target: "y", Seed: 2));

        again.Report!.ToLines().ShouldBe(fromTrain.Report!.ToLines());
        fromTrain.Features.ShouldContain(f => f.Name == "a*b");
    }

    [Fact]
    public void ScorerFolds_CoverEveryTrainingRowOnceAndNothingElse()
    {
        var train = TestFrames.Uniform(300, 24, (a, _, _, _) => a > 6);
        var target = SupervisedTarget.Read(train, new FeatureFitContext(Target: "y"), SynthesisTask.Auto, "synthesize");
        var scorer = new OutOfFoldScorer([train.Get<Float64Column>("a").ToArray()], target, 3, SynthesisMetric.Auto, 10, 2, 0.3, seed: 5, parallelism: 1);

        var heldOut = scorer.Folds.SelectMany(f => f.Test.ToArray()).Order().ToArray();

        heldOut.ShouldBe(Enumerable.Range(0, train.RowCount).ToArray());
        foreach (var fold in scorer.Folds)
        {
            var trainRows = fold.Train.ToArray();
            trainRows.ShouldAllBe(r => r >= 0 && r < 300);
            trainRows.Intersect(fold.Test.ToArray()).ShouldBeEmpty();
        }
    }
}
