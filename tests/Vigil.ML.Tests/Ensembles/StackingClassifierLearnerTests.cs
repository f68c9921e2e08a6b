using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Trees;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class StackingClassifierLearnerTests
{
    private static readonly ClassificationSet Data = DecisionTreeLearnerTests.RandomData(rows: 200, features: 4, seed: 31);

    [Fact]
    public void Fit_LeakyMemorizingBase_MetaLearnerSeesOnlyOutOfFoldPredictions()
    {
        // In-sample the memorizer is perfect; a row it has not seen gets 0.5. If the meta-learner were given in-fold
        // predictions its feature would equal the label; out-of-fold it carries no information at all.
        var spy = new SpyLearner();
        var model = new StackingClassifierLearner(new StackingClassifierOptions { BaseLearners = [new MemorizingLearner()], MetaLearner = spy, FoldCount = 4 }).Fit(Data);

        var inSample = new MemorizingLearner().Fit(Data).PredictPositive(Data.Features);
        var inSampleAccuracy = Enumerable.Range(0, Data.RowCount).Count(r => (inSample[r] >= 0.5 ? 1 : 0) == Data.Labels[r]) / (double)Data.RowCount;
        var metaSet = spy.Seen.Single();
        var outOfFold = Enumerable.Range(0, Data.RowCount).Select(r => metaSet.Features[r, 0]).ToArray();

        inSampleAccuracy.ShouldBe(1.0);
        outOfFold.ShouldAllBe(p => p == 0.5);
        metaSet.FeatureCount.ShouldBe(1);
        model.Base(0).PredictPositive(Data.Features).ShouldBe(inSample);  // the base is refitted on all rows
    }

    [Fact]
    public void Fit_PassThrough_MetaLearnerAlsoSeesTheFeatures()
    {
        var spy = new SpyLearner();

        new StackingClassifierLearner(new StackingClassifierOptions
        {
            BaseLearners = [TestLearners.Tree(2), TestLearners.Tree(3)], MetaLearner = spy, PassThrough = true, FoldCount = 3,
        }).Fit(Data);

        var metaSet = spy.Seen.Single();
        metaSet.FeatureNames.ShouldBe(["base0.p1", "base1.p1", "f0", "f1", "f2", "f3"]);
        metaSet.Features[7, 3].ShouldBe(Data.Features[7, 1]);
    }

    [Fact]
    public void Fit_ThreeClasses_GivesKColumnsPerBase()
    {
        var labels = Enumerable.Range(0, Data.RowCount).Select(r => r % 3).ToArray();
        var spy = new SpyLearner();

        new StackingClassifierLearner(new StackingClassifierOptions { BaseLearners = [TestLearners.Tree(2)], MetaLearner = spy })
            .Fit(new ClassificationSet(Data.Features, labels, 3));

        spy.Seen.Single().FeatureCount.ShouldBe(3);
    }

    [Fact]
    public void Fit_Parallel_EqualsSequential()
    {
        var options = new StackingClassifierOptions { BaseLearners = [TestLearners.Tree(3), TestLearners.Tree(5, 2, 7)], MetaLearner = TestLearners.Tree(2), Seed = 2 };

        var a = new StackingClassifierLearner(options).Fit(Data).PredictProba(Data.Features);
        var b = new StackingClassifierLearner(options with { MaxDegreeOfParallelism = 2 }).Fit(Data).PredictProba(Data.Features);

        b.ShouldBe(a);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new StackingClassifierLearner(new StackingClassifierOptions { BaseLearners = [], MetaLearner = null!, FoldCount = 1 }));

        error.Message.ShouldContain("BaseLearners");
        error.Message.ShouldContain("MetaLearner");
        error.Message.ShouldContain("FoldCount");
    }
}
