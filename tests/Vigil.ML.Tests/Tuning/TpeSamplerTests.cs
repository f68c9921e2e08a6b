using Shouldly;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class TpeSamplerTests(ITestOutputHelper output)
{
    private static readonly double[] SphereCentre = [1.3, -2.1, 0.7, 2.9];

    private static readonly SearchSpace Sphere =
        [.. SphereCentre.Select((_, i) => new FloatParameter($"x{i}", -5, 5))];

    private static double ShiftedSphere(Trial trial, CancellationToken _) =>
        SphereCentre.Select((c, i) => Math.Pow(trial.Parameters.GetDouble($"x{i}") - c, 2)).Sum();

    private static double Best(ISampler sampler, int seed, int trials = 60) =>
        Tuner.Run(Sphere, ShiftedSphere, new TunerOptions { Sampler = sampler, Seed = seed, MaxTrials = trials }).BestTrial!.Value!.Value;

    [Fact]
    public void Run_ShiftedSphere4D_BeatsRandomSearchInMostSeeds()
    {
        var wins = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var (tpe, random) = (Best(new TpeSampler(), seed), Best(new RandomSampler(), seed));
            output.WriteLine($"seed {seed,2}: TPE {tpe,8:F4}  random {random,8:F4}");
            wins += tpe < random ? 1 : 0;
        }

        output.WriteLine($"TPE beat random search in {wins}/20 seeds ({wins * 5}%), 60 trials each on a shifted 4-D sphere.");
        wins.ShouldBeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public void Run_BeforeStartupTrials_SamplesExactlyLikeRandomSearch()
    {
        var options = new TunerOptions { Seed = 11, MaxTrials = 10 };

        var tpe = Tuner.Run(RandomSamplerTests.Mixed, (_, _) => 0, options with { Sampler = new TpeSampler() });
        var random = Tuner.Run(RandomSamplerTests.Mixed, (_, _) => 0, options with { Sampler = new RandomSampler() });

        tpe.Trials.Select(t => t.Parameters).ShouldBe(random.Trials.Select(t => t.Parameters));
    }

    [Fact]
    public void Run_MixedSpace_RespectsBoundsAndLearnsTheGoodChoice()
    {
        // The best criterion is "entropy" and the best depth is 14; maximize a score built from both.
        double Score(Trial t, CancellationToken _) =>
            (t.Parameters.GetString("criterion") == "entropy" ? 1 : 0) - (Math.Abs(t.Parameters.GetInt("depth") - 14) / 20.0) - Math.Abs(Math.Log10(t.Parameters.GetDouble("lr")) + 2);

        var result = Tuner.Run(RandomSamplerTests.Mixed, Score, new TunerOptions { Direction = TuningDirection.Maximize, Seed = 1, MaxTrials = 60 });

        var sets = result.Trials.Select(t => t.Parameters).ToList();
        sets.ShouldAllBe(s => s.GetInt("depth") >= 2 && s.GetInt("depth") <= 20 && (s.GetInt("depth") - 2) % 3 == 0);
        sets.ShouldAllBe(s => s.GetInt("estimators") >= 10 && s.GetInt("estimators") <= 1000);
        sets.ShouldAllBe(s => s.GetDouble("lr") >= 1e-4 && s.GetDouble("lr") <= 1);
        sets.Skip(30).Count(s => s.GetString("criterion") == "entropy").ShouldBeGreaterThan(20);
        result.BestParameters.GetString("criterion").ShouldBe("entropy");
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var ex = Should.Throw<ArgumentException>(() => new TpeSampler(new TpeOptions { CandidateCount = 0, Gamma = 1.5, PriorWeight = 0 }));

        ex.Message.ShouldContain("CandidateCount");
        ex.Message.ShouldContain("Gamma");
        ex.Message.ShouldContain("PriorWeight");
    }

    [Theory]
    [InlineData(TpeSplitRule.Quantile, 10, 3)]
    [InlineData(TpeSplitRule.Quantile, 200, 25)]
    [InlineData(TpeSplitRule.SquareRoot, 10, 1)]
    [InlineData(TpeSplitRule.SquareRoot, 100, 3)]
    public void GoodCount_Rules_FollowTheirFormulas(TpeSplitRule rule, int completed, int expected) =>
        new TpeOptions { SplitRule = rule }.GoodCount(completed).ShouldBe(expected);
}
