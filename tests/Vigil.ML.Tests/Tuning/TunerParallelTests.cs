using Shouldly;
using Vigil.ML.Tuning;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class TunerParallelTests
{
    private static readonly SearchSpace Space =
    [
        new FloatParameter("x", -3, 3),
        new IntParameter("n", 1, 64) { Log = true },
        new CategoricalParameter("kind", "a", "b", "c"),
    ];

    // Trials finish out of order (later numbers sooner), fail, get pruned and use their seed.
    private static double Objective(Trial trial, CancellationToken _)
    {
        Thread.SpinWait(1000 * (40 - (trial.Number % 8 * 5)));
        if (trial.Number % 11 == 5)
        {
            throw new InvalidOperationException($"boom {trial.Number}");
        }

        var x = trial.Parameters.GetDouble("x");
        var loss = (x * x) + (trial.Parameters.GetString("kind") == "b" ? 0 : 1) + (Math.Log2(trial.Parameters.GetInt("n")) / 10);
        for (var step = 0; step < 3; step++)
        {
            trial.Report(step, loss * (3 - step));
            trial.ThrowIfShouldPrune();
        }

        return loss + (trial.Seed % 1000 / 1e6);
    }

    private static string Run(int parallelism, int batch, ISampler sampler, int seed = 3) => Tuner.Run(Space, Objective, new TunerOptions
    {
        Sampler = sampler, Seed = seed, MaxTrials = 40, MaxParallelism = parallelism, BatchSize = batch,
        Pruner = new MedianPruner(startupTrials: 4, warmupSteps: 1), TimeProvider = new FakeTimeProvider(),
    }).ToJson();

    [Fact]
    public void Run_Parallel_SameHistoryAsSequentialWithTheSameBatchSize()
    {
        var sequential = Run(parallelism: 1, batch: 4, new TpeSampler(new TpeOptions { StartupTrials = 8 }));
        var parallel = Run(parallelism: 4, batch: 4, new TpeSampler(new TpeOptions { StartupTrials = 8 }));

        parallel.ShouldBe(sequential);
        sequential.ShouldContain("\"state\": \"pruned\"");
        sequential.ShouldContain("\"state\": \"failed\"");
    }

    [Fact]
    public void Run_ParallelTwice_IdenticalHistories()
    {
        var first = Run(parallelism: 3, batch: 6, new RandomSampler());

        Run(parallelism: 3, batch: 6, new RandomSampler()).ShouldBe(first);
        Run(parallelism: 3, batch: 6, new RandomSampler(), seed: 4).ShouldNotBe(first);
    }

    [Fact]
    public void Run_DefaultBatchSize_FollowsMaxParallelism()
    {
        var options = new TunerOptions { Sampler = new RandomSampler(), MaxTrials = 12, MaxParallelism = 3, TimeProvider = new FakeTimeProvider() };
        var concurrent = 0;
        var peak = 0;

        var result = Tuner.Run(Space, (t, _) =>
        {
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref peak, now);
            Thread.SpinWait(200_000);
            Interlocked.Decrement(ref concurrent);
            return t.Seed;
        }, options);

        result.Trials.Select(t => t.Number).ShouldBe([.. Enumerable.Range(0, 12)]);
        result.Trials.Select(t => t.Seed).Distinct().Count().ShouldBe(12);
        peak.ShouldBeLessThanOrEqualTo(3);
        Tuner.Run(Space, (t, _) => t.Seed, options with { MaxParallelism = 1, BatchSize = 3 }).ToJson().ShouldBe(result.ToJson());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
