using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Trees;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class VotingClassifierLearnerTests
{
    private static readonly ClassificationSet Data = DecisionTreeLearnerTests.RandomData(rows: 200, features: 4, seed: 41);

    [Fact]
    public void PredictProba_Soft_IsTheWeightedMeanOfMemberProbabilities()
    {
        IClassifierLearner[] learners = [TestLearners.Tree(1), TestLearners.Tree(3), TestLearners.Tree(6)];
        var model = new VotingClassifierLearner(new VotingClassifierOptions { Learners = learners, Weights = [1, 1, 2] }).Fit(Data);

        var members = learners.Select(l => l.Fit(Data).PredictProba(Data.Features)).ToArray();
        var expected = members[0].Select((_, i) => (members[0][i] * 0.25) + (members[1][i] * 0.25) + (members[2][i] * 0.5)).ToArray();

        model.PredictProba(Data.Features).ShouldBe(expected, 1e-15);
    }

    [Fact]
    public void PredictProba_SoftEqualWeights_IsThePlainAverage()
    {
        IClassifierLearner[] learners = [TestLearners.Tree(2), TestLearners.Tree(4)];
        var model = new VotingClassifierLearner(new VotingClassifierOptions { Learners = learners }).Fit(Data);
        var a = learners[0].Fit(Data).PredictProba(Data.Features);
        var b = learners[1].Fit(Data).PredictProba(Data.Features);

        model.PredictProba(Data.Features).ShouldBe(a.Select((v, i) => (v + b[i]) / 2).ToArray(), 1e-15);
    }

    [Fact]
    public void PredictProba_Hard_IsTheWeightedVoteShare()
    {
        // Three members: depth-1, depth-3 and depth-6 trees; hard votes weighted 1, 1, 3.
        IClassifierLearner[] learners = [TestLearners.Tree(1), TestLearners.Tree(3), TestLearners.Tree(6)];
        var model = new VotingClassifierLearner(new VotingClassifierOptions { Learners = learners, Voting = VotingKind.Hard, Weights = [1, 1, 3] }).Fit(Data);
        var members = learners.Select(l => l.Fit(Data)).ToArray();

        var p = new double[2];
        for (var r = 0; r < 30; r++)
        {
            var row = Data.Features.Row(r);
            var expected = new double[2];
            expected[members[0].PredictClass(row)] += 0.2;
            expected[members[1].PredictClass(row)] += 0.2;
            expected[members[2].PredictClass(row)] += 0.6;
            model.PredictProba(row, p);
            p.ShouldBe(expected, 1e-15);
        }
    }

    [Fact]
    public void Constructor_WeightsOfWrongLength_Throws() =>
        Should.Throw<ArgumentException>(() => new VotingClassifierLearner(new VotingClassifierOptions { Learners = [TestLearners.Tree(1)], Weights = [1, 2] }))
            .Message.ShouldContain("2 entries for 1 learners");
}
