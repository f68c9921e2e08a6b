using Vigil.ML.Ensembles;
using Vigil.ML.Tests.Conformance;

namespace Vigil.ML.Tests.Ensembles;

public sealed class BaggingClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) => new BaggingClassifierLearner(new BaggingClassifierOptions
    {
        BaseLearner = TestLearners.Tree(6), MemberCount = 5, FeatureFraction = 0.8, Seed = seed, MaxDegreeOfParallelism = 2,
    });
}

public sealed class AdaBoostConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) => new AdaBoostClassifierLearner(new AdaBoostOptions { Rounds = 20 });
}

public sealed class StackingClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) => new StackingClassifierLearner(new StackingClassifierOptions
    {
        BaseLearners = [TestLearners.Tree(3), TestLearners.Tree(6, maxFeatures: 3, seed: seed)],
        MetaLearner = TestLearners.Tree(3),
        FoldCount = 3,
        Seed = seed,
        PassThrough = true,
    });
}

public sealed class VotingClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) => new VotingClassifierLearner(new VotingClassifierOptions
    {
        Learners = [TestLearners.Tree(3), TestLearners.Tree(5, maxFeatures: 2, seed: seed)], Weights = [1, 2],
    });
}

public sealed class HardVotingClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override IClassifierLearner CreateLearner(int seed) => new VotingClassifierLearner(new VotingClassifierOptions
    {
        Learners = [TestLearners.Tree(3), TestLearners.Tree(5, maxFeatures: 2, seed: seed), TestLearners.Tree(4)], Voting = VotingKind.Hard,
    });
}

public sealed class BaggingRegressorConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IRegressorLearner CreateLearner(int seed) => new BaggingRegressorLearner(new BaggingRegressorOptions
    {
        BaseLearner = TestLearners.Linear(), MemberCount = 5, Seed = seed, MaxDegreeOfParallelism = 2,
    });
}

public sealed class StackingRegressorConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IRegressorLearner CreateLearner(int seed) => new StackingRegressorLearner(new StackingRegressorOptions
    {
        BaseLearners = [TestLearners.Linear(), TestLearners.Linear(l2: 5)], Seed = seed, PassThrough = true,
    });
}

public sealed class AveragingRegressorConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IRegressorLearner CreateLearner(int seed) => new AveragingRegressorLearner(new AveragingRegressorOptions
    {
        Learners = [TestLearners.Linear(), TestLearners.Linear(l2: 1)], Weights = [3, 1],
    });
}

public sealed class LinearCombinerConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IRegressorLearner CreateLearner(int seed) => TestLearners.Linear();
}
