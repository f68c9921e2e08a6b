using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.ML.Persistence;
using Vigil.ML.Rul;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Training;
using Vigil.Testing;
using Xunit;

namespace Vigil.Pipelines.Tests.Rul;

public sealed class RulModelTests
{
    private static DataFrame Data() => DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 12, seed: 3, minLife: 50, maxLife: 80));

    private static RulTrainingJob Job() => new(LearnerCatalog.Default, new FakeTimeProvider());

    private static RulDatasetRequest Request(RulSplit split = RulSplit.Group) =>
        new("unit", "cycle", model: "gbdt", window: 10, cap: 40, seed: 1, split: split, testFraction: 0.25);

    [Fact]
    public void RunGroupSplit_DropsConstantSensors_HoldsOutWholeUnits_ScoresBoth()
    {
        var result = Job().Run(Data(), Request());

        result.SplitKind.ShouldBe("group");
        result.DroppedColumns.Keys.ShouldBe(["s4", "s10"], ignoreOrder: true);
        result.Sensors.ShouldNotContain("s4");
        result.Sensors.Count.ShouldBe(10);
        result.TestUnits.ShouldBe(3);
        result.TrainUnits.ShouldBe(9);
        result.LastWindow.ShouldNotBeNull().Capped.Count.ShouldBe(3);
        result.AllWindows.Count.ShouldBe(result.TestWindows);
        result.AllWindows.Rmse.ShouldBeLessThan(20);
        result.Warnings.ShouldBeEmpty();
        result.Model.Regressor.ShouldBeOfType<WindowStatisticsRegressor>();
    }

    [Fact]
    public void RunRandomSplit_WarnsAboutLeakage()
    {
        var result = Job().Run(Data(), Request(RulSplit.Random));

        result.SplitKind.ShouldBe("random");
        result.LastWindow.ShouldBeNull();
        result.Warnings.ShouldHaveSingleItem().ShouldContain("0.89");
    }

    [Fact]
    public void Run_MissingGroupColumn_NamesTheOption()
    {
        var ex = Should.Throw<ArgumentException>(() => Job().Run(Data(), new RulDatasetRequest("engine", "cycle")));

        ex.Message.ShouldContain("--group");
        ex.Message.ShouldContain("engine");
    }

    [Fact]
    public void Request_WithoutGroup_NamesTheOption()
    {
        Should.Throw<ArgumentException>(() => new RulDatasetRequest(null, "cycle")).Message.ShouldContain("--group");
    }

    [Fact]
    public void Codec_RoundTrip_GivesIdenticalPredictions()
    {
        var data = Data();
        var model = Job().Run(data, Request()).Model.WithClip(true);
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        stream.Position = 0;

        var loaded = ModelFile.LoadAny(stream).ShouldBeOfType<RulModel>();

        loaded.Columns.ShouldBe(model.Columns);
        loaded.SensorColumns.ShouldBe(model.SensorColumns);
        loaded.Cap.ShouldBe(40);
        loaded.Clip.ShouldBeTrue();
        loaded.Info.Metrics["rmse"].ShouldBe(model.Info.Metrics["rmse"]);
        var windows = model.Windows(data, lastOnly: false);
        loaded.Predict(loaded.Windows(data, lastOnly: false)).ShouldBe(model.Predict(windows));
        stream.Position = 0;
        Should.Throw<ModelFileException>(() => ModelFile.Load(stream)).Message.ShouldContain("remaining-useful-life");
    }

    [Fact]
    public void Clip_ClampsPredictionsToZeroAndCap_OnlyWhenAsked()
    {
        var data = Data();
        var model = Job().Run(data, Request()).Model;
        var windows = model.Windows(data, lastOnly: false);

        model.Clip.ShouldBeFalse();
        model.WithClip(true).Predict(windows).ShouldAllBe(p => p >= 0 && p <= 40);
    }
}
