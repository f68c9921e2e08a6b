using Shouldly;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class GridSamplerTests
{
    [Fact]
    public void Run_MixedSpace_EnumeratesExactlyTheProductThenStops()
    {
        SearchSpace space =
        [
            new IntParameter("depth", 2, 6) { Step = 2 },
            new FloatParameter("lr", 0.01, 1) { Log = true, GridPoints = 3 },
            new CategoricalParameter("criterion", "gini", "entropy"),
        ];

        var result = Tuner.Run(space, (_, _) => 0, new TunerOptions { Sampler = new GridSampler(), MaxTrials = 100 });

        GridSampler.CountPoints(space).ShouldBe(18);
        result.Trials.Count.ShouldBe(18);
        result.StopReason.ShouldBe(TuningStopReason.SearchSpaceExhausted);
        var expected =
            from d in new[] { 2, 4, 6 }
            from lr in new[] { 0.01, 0.1, 1.0 }
            from c in new[] { "gini", "entropy" }
            select $"depth={d}, lr={lr}, criterion={c}";
        result.Trials.Select(t => t.Parameters.ToString()).ShouldBe(expected.ToList());
    }

    [Fact]
    public void Run_FewerTrialsThanPoints_StopsAtMaxTrials()
    {
        SearchSpace space = [new IntParameter("k", 1, 10)];

        var result = Tuner.Run(space, (_, _) => 0, new TunerOptions { Sampler = new GridSampler(), MaxTrials = 4, MaxParallelism = 3 });

        result.Trials.Select(t => t.Parameters.GetInt("k")).ShouldBe([1, 2, 3, 4]);
        result.StopReason.ShouldBe(TuningStopReason.MaxTrials);
    }

    [Fact]
    public void Run_FloatWithoutGridPoints_ThrowsBeforeAnyTrial()
    {
        SearchSpace space = [new FloatParameter("lr", 0, 1), new FloatParameter("alpha", 0, 1)];
        var calls = 0;

        var ex = Should.Throw<ArgumentException>(() => Tuner.Run(space, (_, _) => ++calls, new TunerOptions { Sampler = new GridSampler() }));

        ex.Message.ShouldContain("lr: a continuous range needs GridPoints");
        ex.Message.ShouldContain("alpha: a continuous range needs GridPoints");
        calls.ShouldBe(0);
    }

    [Fact]
    public void CountPoints_IntGridPoints_SpacesLogValuesAndDropsDuplicates()
    {
        SearchSpace space = [new IntParameter("n", 1, 1000) { Log = true, GridPoints = 4 }, new IntParameter("k", 0, 4) { GridPoints = 10 }];

        var result = Tuner.Run(space, (_, _) => 0, new TunerOptions { Sampler = new GridSampler() });

        result.Trials.Select(t => t.Parameters.GetInt("n")).Distinct().ShouldBe([1, 10, 100, 1000]);
        result.Trials.Select(t => t.Parameters.GetInt("k")).Distinct().ShouldBe([0, 1, 2, 3, 4]);
        result.Trials.Count.ShouldBe(20);
    }
}
