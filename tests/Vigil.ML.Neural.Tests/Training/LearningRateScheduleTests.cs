using Shouldly;
using Vigil.ML.Neural.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Training;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Constant_AlwaysTheBaseRate()
    {
        var s = LearningRateSchedule.Constant.Start(0.1f, 5, 3);

        s.Rate(0, 0).ShouldBe(0.1f);
        s.Rate(4, 2).ShouldBe(0.1f);
    }

    [Fact]
    public void StepDecay_MultipliesEveryStepEpochs()
    {
        var s = new StepDecaySchedule { StepEpochs = 2, Gamma = 0.5f }.Start(1f, 10, 4);

        s.Rate(0, 3).ShouldBe(1f);
        s.Rate(1, 0).ShouldBe(1f);
        s.Rate(2, 0).ShouldBe(0.5f);
        s.Rate(5, 1).ShouldBe(0.25f);
    }

    [Fact]
    public void Exponential_GammaToTheEpoch()
    {
        var s = new ExponentialSchedule { Gamma = 0.9f }.Start(2f, 10, 4);

        s.Rate(0, 0).ShouldBe(2f);
        s.Rate(3, 1).ShouldBe((float)(2 * Math.Pow(0.9f, 3)), 1e-6f);
    }

    [Fact]
    public void Cosine_WithWarmup_RisesLinearlyThenAnnealsToTheMinimum()
    {
        var s = new CosineAnnealingSchedule { WarmupEpochs = 1, MinRate = 0.01f }.Start(1f, 5, 4);

        s.Rate(0, 0).ShouldBe(0.25f, 1e-6f);
        s.Rate(0, 3).ShouldBe(1f, 1e-6f);
        s.Rate(1, 0).ShouldBe(1f, 1e-6f);
        // 16 annealing steps: the midpoint (7.5) is between steps 7 and 8; the last step reaches the minimum.
        s.Rate(4, 3).ShouldBe(0.01f, 1e-6f);
        var middle = (s.Rate(2, 3) + s.Rate(3, 0)) / 2;
        middle.ShouldBe(0.505f, 1e-2f);
        s.Rate(2, 0).ShouldBeLessThan(s.Rate(1, 3));
    }

    [Fact]
    public void ReduceOnPlateau_ReducesAfterPatienceAndRunsAreIndependent()
    {
        var description = new ReduceOnPlateauSchedule { Patience = 1, Factor = 0.5f };
        var run = description.Start(1f, 10, 2);
        run.EndEpoch(0, 1.0);
        run.EndEpoch(1, 1.0); // bad 1, not > patience
        run.Rate(2, 0).ShouldBe(1f);
        run.EndEpoch(2, 1.0); // bad 2 > 1: reduce
        run.Rate(3, 0).ShouldBe(0.5f);
        run.EndEpoch(3, 0.5); // improvement
        run.Rate(4, 0).ShouldBe(0.5f);

        description.Start(1f, 10, 2).Rate(0, 0).ShouldBe(1f);
    }

    [Fact]
    public void ReduceOnPlateau_RespectsTheMinimumRate()
    {
        var run = new ReduceOnPlateauSchedule { Patience = 0, Factor = 0.1f, MinRate = 0.05f }.Start(1f, 10, 1);
        run.EndEpoch(0, 1);
        for (var e = 1; e < 5; e++)
        {
            run.EndEpoch(e, 2);
        }

        run.Rate(5, 0).ShouldBe(0.05f);
    }

    [Fact]
    public void Options_Invalid_ThrowNamingTheOption()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new StepDecaySchedule { StepEpochs = 0 }).ParamName.ShouldBe("StepEpochs");
        Should.Throw<ArgumentOutOfRangeException>(() => new ReduceOnPlateauSchedule { Factor = 1f }).ParamName.ShouldBe("Factor");
        Should.Throw<ArgumentOutOfRangeException>(() => new CosineAnnealingSchedule { WarmupEpochs = -1 }).ParamName.ShouldBe("WarmupEpochs");
    }
}
