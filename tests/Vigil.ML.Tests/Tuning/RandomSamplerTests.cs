using Shouldly;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class RandomSamplerTests
{
    internal static readonly SearchSpace Mixed =
    [
        new IntParameter("depth", 2, 20) { Step = 3 },
        new IntParameter("estimators", 10, 1000) { Log = true },
        new FloatParameter("lr", 1e-4, 1) { Log = true },
        new FloatParameter("subsample", 0.5, 1),
        new CategoricalParameter("criterion", "gini", "entropy", "log_loss"),
        CategoricalParameter.Bool("bootstrap"),
    ];

    private static IReadOnlyList<ParameterSet> Sample(int seed, int trials = 400) =>
        [.. Tuner.Run(Mixed, (_, _) => 0, new TunerOptions { Sampler = new RandomSampler(), Seed = seed, MaxTrials = trials }).Trials.Select(t => t.Parameters)];

    [Fact]
    public void Run_SameSeed_SameParameters() => Sample(7, 50).ShouldBe(Sample(7, 50));

    [Fact]
    public void Run_DifferentSeeds_DifferentParameters() => Sample(7, 50).ShouldNotBe(Sample(8, 50));

    [Fact]
    public void Run_ManyTrials_RespectBoundsStepsAndTypes()
    {
        var sets = Sample(3);

        sets.ShouldAllBe(s => s["depth"] is int && s.GetInt("depth") >= 2 && s.GetInt("depth") <= 20 && (s.GetInt("depth") - 2) % 3 == 0);
        sets.ShouldAllBe(s => s["estimators"] is int && s.GetInt("estimators") >= 10 && s.GetInt("estimators") <= 1000);
        sets.ShouldAllBe(s => s["lr"] is double && s.GetDouble("lr") >= 1e-4 && s.GetDouble("lr") <= 1);
        sets.ShouldAllBe(s => s.GetDouble("subsample") >= 0.5 && s.GetDouble("subsample") <= 1);
        sets.Select(s => s.GetInt("depth")).Distinct().Order().ShouldBe([2, 5, 8, 11, 14, 17, 20]);
        sets.Select(s => s.GetString("criterion")).Distinct().Order().ShouldBe(["entropy", "gini", "log_loss"]);
        sets.Select(s => s.GetBool("bootstrap")).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Run_LogRange_IsUniformInLogSpace()
    {
        var sets = Sample(5, 1000);

        // log10(lr) is uniform on [-4, 0]: a quarter of the draws fall below 1e-3; linear sampling would give 0.1%.
        sets.Count(s => s.GetDouble("lr") < 1e-3).ShouldBeInRange(200, 300);
        // estimators in [10, 1000] log-uniform: about half below 100.
        sets.Count(s => s.GetInt("estimators") < 100).ShouldBeInRange(420, 580);
    }
}
