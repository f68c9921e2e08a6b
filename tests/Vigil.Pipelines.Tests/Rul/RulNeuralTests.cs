using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.ML.Neural.Models;
using Vigil.ML.Neural.Rul;
using Vigil.ML.Persistence;
using Vigil.ML.Rul;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Training;
using Vigil.Testing;
using Xunit;

namespace Vigil.Pipelines.Tests.Rul;

public sealed class RulNeuralTests
{
    private static DataFrame Data() => DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 16, seed: 5, minLife: 60, maxLife: 90));

    private static RulTrainingJob Job() => new(RulLearnerCatalog.WithNeural(LearnerCatalog.Default, epochs: 8), new FakeTimeProvider());

    private static RulDatasetRequest Request(string model) => new("unit", "cycle", model: model, window: 10, cap: 50, seed: 2, testFraction: 0.25);

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("cnn-lstm")]
    [InlineData("gld")]
    public void Neural_family_trains_a_raw_window_model_that_beats_predicting_the_mean(string family)
    {
        var data = Data();
        var result = Job().Run(data, Request(family));

        var regressor = result.Model.Regressor.ShouldBeOfType<NeuralWindowRegressor>();
        regressor.Architecture.ShouldBe(family);
        regressor.Model.Summary.EpochsRun.ShouldBeGreaterThan(0);
        result.AllWindows.R2.ShouldBeGreaterThan(0.3, family);
    }

    [Fact]
    public void Ensemble_averages_transformed_members_and_round_trips_through_the_model_file()
    {
        var data = Data();
        var model = Job().Run(data, Request("ensemble")).Model;
        var average = model.Regressor.ShouldBeOfType<AveragingWindowRegressor>();
        average.Members.Count.ShouldBe(3);
        average.Members.ShouldAllBe(m => m is TransformedWindowRegressor);

        var codecs = NeuralCodecs.AddTo(ModelCodecs.Default);
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream, codecs);
        stream.Position = 0;
        var loaded = ModelFile.LoadAny(stream, codecs).ShouldBeOfType<RulModel>();

        var windows = model.Windows(data, lastOnly: true);
        loaded.Predict(loaded.Windows(data, lastOnly: true)).ShouldBe(model.Predict(windows));
    }

    [Fact]
    public void Exponential_smoothing_appends_a_smoothed_copy_of_every_channel()
    {
        var set = new Vigil.Data.Cmapss.RulWindowSet([1f, 10f, 3f, 10f, 5f, 10f], length: 3, features: 2, targets: [0f], unitIds: [1], endCycles: [3]);
        var smoothed = new ExponentialSmoothing(0.5).Apply(set);

        smoothed.Features.ShouldBe(4);
        smoothed.Window(0).ToArray().ShouldBe([1f, 10f, 1f, 10f, 3f, 10f, 2f, 10f, 5f, 10f, 3.5f, 10f]);
        WindowTransforms.Parse(new ExponentialSmoothing(0.5).Spec).ShouldBeOfType<ExponentialSmoothing>().Alpha.ShouldBe(0.5);
        Should.Throw<InvalidDataException>(() => WindowTransforms.Parse("fft"));
    }

    [Fact]
    public void Cycle_channel_carries_the_engine_age_of_every_step()
    {
        var set = new Vigil.Data.Cmapss.RulWindowSet([0f, 0f, 0f], length: 3, features: 1, targets: [0f], unitIds: [1], endCycles: [120]);
        CycleChannel.Append(set).Window(0).ToArray().ShouldBe([0f, 1.18f, 0f, 1.19f, 0f, 1.20f]);
    }
}
