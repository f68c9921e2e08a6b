using Shouldly;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class MedianPrunerTests
{
    // Trials 0..5 learn normally (loss 1/(step+1), a little lower for each later trial); trial 6 is hopeless (loss 10 at every step).
    private static double Objective(Trial trial, CancellationToken _)
    {
        var hopeless = trial.Number == 6;
        var loss = 0.0;
        for (var step = 0; step < 5; step++)
        {
            loss = hopeless ? 10 : (1.0 / (step + 1)) - (trial.Number * 0.01);
            trial.Report(step, loss);
            trial.ThrowIfShouldPrune();
        }

        return loss;
    }

    private static TuningResult Run(IPruner pruner) => Tuner.Run(
        [new FloatParameter("x", 0, 1)], Objective, new TunerOptions { Sampler = new RandomSampler(), MaxTrials = 7, Pruner = pruner });

    [Fact]
    public void Run_ObviouslyBadTrial_IsPrunedAtTheFirstStepAfterWarmUp()
    {
        var result = Run(new MedianPruner(startupTrials: 5, warmupSteps: 2));

        var bad = result.Trials[6];
        bad.State.ShouldBe(TrialState.Pruned);
        bad.IntermediateValues.Select(v => v.Step).ShouldBe([0, 1, 2]);
        bad.Value.ShouldBe(10);
        bad.Error.ShouldBeNull();
        result.Trials.Take(6).ShouldAllBe(t => t.State == TrialState.Complete);
    }

    [Fact]
    public void Run_WarmUpLongerThanTheTrial_NeverPrunes()
    {
        var result = Run(new MedianPruner(startupTrials: 1, warmupSteps: 5));

        result.Trials.ShouldAllBe(t => t.State == TrialState.Complete);
        result.Trials[6].IntermediateValues.Count.ShouldBe(5);
    }

    [Fact]
    public void Run_TooFewCompletedTrials_NeverPrunes() =>
        Run(new MedianPruner(startupTrials: 7)).Trials.ShouldAllBe(t => t.State == TrialState.Complete);

    [Fact]
    public void ShouldPrune_ValueVersusMedian_FollowsTheDirection()
    {
        TrialRecord Done(int number, double atStep3) => new()
        {
            Number = number, Seed = 0, State = TrialState.Complete, Parameters = new ParameterSet([]), Value = atStep3,
            IntermediateValues = [new(1, 0), new(3, atStep3)], StartedAt = default, EndedAt = default,
        };
        TrialRecord[] history = [Done(0, 1), Done(1, 2), Done(2, 4), Done(3, 8) with { State = TrialState.Failed }];
        var pruner = new MedianPruner(startupTrials: 3);
        bool Prune(TuningDirection direction, double value)
        {
            var trial = new Trial(9, 0, new ParameterSet([]), history, pruner, direction);
            trial.Report(3, value);
            return trial.ShouldPrune;
        }

        // Median of the completed trials at step 3 is 2 (the failed trial's 8 is ignored).
        Prune(TuningDirection.Minimize, 2.5).ShouldBeTrue();
        Prune(TuningDirection.Minimize, 2.0).ShouldBeFalse();
        Prune(TuningDirection.Maximize, 1.5).ShouldBeTrue();
        Prune(TuningDirection.Maximize, 2.5).ShouldBeFalse();
    }

    [Fact]
    public void ShouldPrune_NoCompletedValueAtTheStep_DoesNotPrune()
    {
        var trial = new Trial(1, 0, new ParameterSet([]), [], new MedianPruner(startupTrials: 0), TuningDirection.Minimize);

        trial.Report(0, 1e9);

        trial.ShouldPrune.ShouldBeFalse();
    }
}
