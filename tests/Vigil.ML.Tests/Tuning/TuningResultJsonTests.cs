using Shouldly;
using Vigil.ML.Tuning;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class TuningResultJsonTests
{
    private static TuningResult Study() => Tuner.Run(
        [new IntParameter("max_depth", 2, 4), new FloatParameter("learning_rate", 0.5, 1) { GridPoints = 2 }, CategoricalParameter.Bool("bootstrap")],
        (t, _) =>
        {
            t.Report(0, 0.5);
            return t.Number == 1 ? throw new InvalidOperationException("bad fold") : t.Parameters.GetInt("max_depth");
        },
        new TunerOptions { Sampler = new GridSampler(), MaxTrials = 3, TimeProvider = new FakeTimeProvider() });

    [Fact]
    public void ToJson_Study_IsSnakeCaseWithTypedParameters()
    {
        var json = Study().ToJson();

        json.ShouldContain("\"stop_reason\": \"max_trials\"");
        json.ShouldContain("\"best_trial_number\": 0");
        json.ShouldContain("\"intermediate_values\": [");
        json.ShouldContain("\"started_at\": \"2026-01-01T00:00:00+00:00\"");
        json.ShouldContain("\"error\": \"InvalidOperationException: bad fold\"");
        json.ShouldContain("\"max_depth\": 2,");
        json.ShouldContain("\"learning_rate\": 0.5,");
        json.ShouldContain("\"learning_rate\": 1.0,");
        json.ShouldContain("\"bootstrap\": \"false\"");
    }

    [Fact]
    public void FromJson_RoundTrip_KeepsEveryTrial()
    {
        var study = Study();

        var back = TuningResult.FromJson(study.ToJson());

        back.ToJson().ShouldBe(study.ToJson());
        back.Trials[2].Parameters["learning_rate"].ShouldBeOfType<double>().ShouldBe(1.0);
        back.Trials[1].Parameters["max_depth"].ShouldBeOfType<int>();
        back.Trials.Select(t => t.Parameters).ShouldBe(study.Trials.Select(t => t.Parameters));
        back.BestTrial!.Number.ShouldBe(0);
    }
}
