using Shouldly;
using Vigil.ML.Tuning;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class TunerTests
{
    private static readonly SearchSpace Space = [new IntParameter("k", 0, 9)];

    private static TunerOptions Grid(int trials = 10) => new() { Sampler = new GridSampler(), MaxTrials = trials };

    [Fact]
    public void Run_ObjectiveThrowsOrReturnsNaN_RecordsFailureAndContinues()
    {
        var result = Tuner.Run(Space, (t, _) => t.Parameters.GetInt("k") switch
        {
            3 => throw new InvalidOperationException("diverged"),
            5 => double.NaN,
            var k => Math.Abs(k - 6),
        }, Grid());

        result.Trials.Count.ShouldBe(10);
        result.Trials[3].State.ShouldBe(TrialState.Failed);
        result.Trials[3].Error.ShouldBe("InvalidOperationException: diverged");
        result.Trials[3].Value.ShouldBeNull();
        result.Trials[5].State.ShouldBe(TrialState.Failed);
        result.Trials[5].Error.ShouldBe("The objective returned NaN.");
        result.CountOf(TrialState.Complete).ShouldBe(8);
        result.BestTrial!.Parameters.GetInt("k").ShouldBe(6);
    }

    [Fact]
    public void Run_Maximize_BestIsHighestWithLowestNumberOnTies()
    {
        var result = Tuner.Run(Space, (t, _) => Math.Min(t.Parameters.GetInt("k"), 7), Grid() with { Direction = TuningDirection.Maximize });

        result.BestTrial!.Number.ShouldBe(7);
        result.BestTrialNumber.ShouldBe(7);
        result.BestParameters.GetInt("k").ShouldBe(7);
    }

    [Fact]
    public void Run_EveryTrialFails_HasNoBestTrial()
    {
        var result = Tuner.Run(Space, (_, _) => throw new InvalidOperationException("no"), Grid(3));

        result.BestTrial.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => result.BestParameters);
    }

    [Fact]
    public void Run_TimeBudget_StopsBeforeTheBatchThatWouldStartLate()
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();

        var result = Tuner.Run(Space, (_, _) =>
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return 0;
        }, Grid(100) with { TimeBudget = TimeSpan.FromMinutes(3.5), TimeProvider = clock });

        result.Trials.Count.ShouldBe(4);
        result.StopReason.ShouldBe(TuningStopReason.TimeBudget);
        result.Trials.Select(t => t.StartedAt - start).ShouldBe([.. Enumerable.Range(0, 4).Select(i => TimeSpan.FromMinutes(i))]);
        result.Trials.ShouldAllBe(t => t.Duration == TimeSpan.FromMinutes(1));
        (result.EndedAt - result.StartedAt).ShouldBe(TimeSpan.FromMinutes(4));
    }

    [Fact]
    public void Run_InvalidOptions_ReportsEveryProblemBeforeAnyTrial()
    {
        var ex = Should.Throw<ArgumentException>(() => Tuner.Run(Space, (_, _) => 0, new TunerOptions
        {
            MaxTrials = 0, MaxParallelism = 0, BatchSize = 0, TimeBudget = TimeSpan.Zero,
        }));

        ex.Message.ShouldContain("MaxTrials");
        ex.Message.ShouldContain("MaxParallelism");
        ex.Message.ShouldContain("BatchSize");
        ex.Message.ShouldContain("TimeBudget");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() => Tuner.RunAsync(Space, async (t, ct) =>
        {
            if (t.Number == 2)
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }

            return 0;
        }, Grid(), cts.Token));
    }

    [Fact]
    public async Task RunAsync_AsyncObjective_MatchesSynchronousRun()
    {
        var options = new TunerOptions { Seed = 4, MaxTrials = 25 };
        static double F(Trial t) => Math.Abs(t.Parameters.GetInt("k") - 4) + (t.Seed % 7);

        var sync = Tuner.Run(Space, (t, _) => F(t), options with { TimeProvider = new FakeTimeProvider() });
        var async = await Tuner.RunAsync(Space, async (t, ct) =>
        {
            await Task.Yield();
            return F(t);
        }, options with { TimeProvider = new FakeTimeProvider() }, TestContext.Current.CancellationToken);

        async.ToJson().ShouldBe(sync.ToJson());
    }

    [Fact]
    public void Report_DecreasingStepOrNonFiniteValue_FailsTheTrial()
    {
        var result = Tuner.Run(Space, (t, _) =>
        {
            t.Report(2, 1);
            t.Report(t.Number == 0 ? 1 : 3, t.Number == 1 ? double.PositiveInfinity : 1);
            return 0;
        }, Grid(3));

        result.Trials.Select(t => t.State).ShouldBe([TrialState.Failed, TrialState.Failed, TrialState.Complete]);
        result.Trials[0].Error!.ShouldContain("must exceed the last reported step 2");
        result.Trials[2].IntermediateValues.ShouldBe([new IntermediateValue(2, 1), new IntermediateValue(3, 1)]);
    }

    [Fact]
    public void Run_SamplerLeavesTheSpace_Throws()
    {
        var ex = Should.Throw<InvalidOperationException>(() => Tuner.Run(Space, (_, _) => 0, new TunerOptions { Sampler = new OutOfRangeSampler() }));

        ex.Message.ShouldContain("k=42");
    }

    private sealed class OutOfRangeSampler : ISampler
    {
        public IReadOnlyList<string> Validate(SearchSpace space) => [];

        public ParameterSet? Sample(SamplingContext context) => new([KeyValuePair.Create<string, object>("k", 42)]);
    }
}
