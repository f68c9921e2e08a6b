using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Trees;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class BaggingClassifierLearnerTests
{
    private static readonly ClassificationSet Data = DecisionTreeLearnerTests.RandomData(rows: 300, features: 6, seed: 21);

    [Fact]
    public void Fit_Parallel_EqualsSequentialBitForBit()
    {
        var options = new BaggingClassifierOptions { BaseLearner = TestLearners.Tree(8), MemberCount = 12, FeatureFraction = 0.5, Seed = 3 };
        var probe = DecisionTreeLearnerTests.RandomData(rows: 200, features: 6, seed: 22).Features;

        var sequential = new BaggingClassifierLearner(options).Fit(Data).PredictProba(probe);
        var parallel = new BaggingClassifierLearner(options with { MaxDegreeOfParallelism = -1 }).Fit(Data).PredictProba(probe);

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Fit_Bootstrap_GivesEachMemberIntegerCountsSummingToTheRowCount()
    {
        var spy = new SpyLearner();

        new BaggingClassifierLearner(new BaggingClassifierOptions { BaseLearner = spy, MemberCount = 3 }).Fit(Data);

        spy.Seen.Count.ShouldBe(3);
        foreach (var set in spy.Seen)
        {
            set.SampleWeights.ToArray().ShouldAllBe(w => w == Math.Floor(w));
            set.SampleWeights.ToArray().Sum().ShouldBe(300);
            set.Features.ShouldBeSameAs(Data.Features);  // no copy without feature subsampling
        }
    }

    [Fact]
    public void Fit_FeatureFraction_MembersSeeAStoredColumnSubset()
    {
        var model = new BaggingClassifierLearner(new BaggingClassifierOptions { BaseLearner = TestLearners.Tree(4), MemberCount = 4, FeatureFraction = 0.5, Seed = 1 }).Fit(Data);

        for (var m = 0; m < model.MemberCount; m++)
        {
            var columns = model.MemberColumns(m).ToArray();
            columns.Length.ShouldBe(3);
            model.Member(m).FeatureCount.ShouldBe(3);
        }

        var row = Data.Features.Row(5).ToArray();
        var expected = new double[2];
        var p = new double[2];
        for (var m = 0; m < model.MemberCount; m++)
        {
            var columns = model.MemberColumns(m).ToArray();
            model.Member(m).PredictProba([.. columns.Select(c => row[c])], p);
            expected[0] += p[0] / model.MemberCount;
            expected[1] += p[1] / model.MemberCount;
        }

        model.PredictProba(row, p);
        p.ShouldBe(expected, 1e-15);
    }

    [Fact]
    public void PredictProba_SingleRow_EqualsBatch()
    {
        var model = new BaggingClassifierLearner(new BaggingClassifierOptions { MemberCount = 4, FeatureFraction = 0.7 }).Fit(Data);
        var batch = model.PredictProba(Data.Features);
        var p = new double[2];

        for (var r = 0; r < 20; r++)
        {
            model.PredictProba(Data.Features.Row(r), p);
            p.ShouldBe(batch.AsSpan(r * 2, 2).ToArray());
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new BaggingClassifierLearner(new BaggingClassifierOptions
        {
            MemberCount = 0, SampleFraction = 1.5, FeatureFraction = 0, MaxDegreeOfParallelism = 0,
        }));

        error.Message.ShouldContain("MemberCount");
        error.Message.ShouldContain("SampleFraction");
        error.Message.ShouldContain("FeatureFraction");
        error.Message.ShouldContain("MaxDegreeOfParallelism");
    }
}
