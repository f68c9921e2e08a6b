using Shouldly;
using Vigil.ML.Neural.Models;
using Vigil.ML.Neural.Training;
using Vigil.ML.Persistence;
using Xunit;

namespace Vigil.ML.Neural.Tests.Models;

public sealed class NeuralModelTests
{
    /// <summary>Windows of 8 steps × 2 channels; the target is the mean of channel 0 over the last 3 steps minus channel 1 at step 0.</summary>
    private static TrainingData Sequences(int rows, int seed)
    {
        var random = new Random(seed);
        const int Steps = 8, Channels = 2;
        var x = new float[rows * Steps * Channels];
        var y = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < Steps * Channels; i++)
            {
                x[(r * Steps * Channels) + i] = (float)random.NextDouble();
            }

            var last = 0f;
            for (var t = Steps - 3; t < Steps; t++)
            {
                last += x[(r * Steps * Channels) + (t * Channels)];
            }

            y[r] = (last / 3f) - x[(r * Steps * Channels) + 1];
        }

        return new TrainingData(x, Steps * Channels, y, 1);
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("cnn-lstm")]
    [InlineData("gld")]
    public void Sequence_architectures_learn_an_order_dependent_target(string architecture)
    {
        var options = new NeuralOptions { Architecture = architecture, Steps = 8, Units = 16, Filters = 8, DenseUnits = 8, Epochs = 40, BatchSize = 32, LearningRate = 5e-3f, Seed = 3, StandardizeInputs = false };
        var model = new NeuralRegressor(options).Fit(Sequences(600, 1), Sequences(100, 2));
        var test = Sequences(200, 3);
        var predictions = new double[test.Rows];
        model.Predict(test.Inputs, test.Rows, predictions);
        var mse = predictions.Select((p, i) => (p - test.Targets[i]) * (p - test.Targets[i])).Average();
        var variance = test.Targets.Select(t => (double)t).Select(t => (t - test.Targets.Average(v => (double)v)) * (t - test.Targets.Average(v => (double)v))).Average();
        (1 - (mse / variance)).ShouldBeGreaterThan(0.8, $"{architecture} R²");
        model.Summary.EpochsRun.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Sequence_model_round_trips_through_a_model_file_codec()
    {
        var options = new NeuralOptions { Architecture = "cnn-lstm", Steps = 8, Units = 8, Filters = 4, Epochs = 3, BatchSize = 32, Seed = 1 };
        var model = new NeuralRegressor(options).Fit(Sequences(200, 1), null);
        var codecs = NeuralCodecs.AddTo(ModelCodecs.Default);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            codecs.WriteNested(model, writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var loaded = (NeuralRegressorModel)codecs.ReadNested(reader, ModelFile.CurrentVersion);
        var test = Sequences(50, 9);
        for (var r = 0; r < test.Rows; r++)
        {
            var window = test.Inputs.AsSpan(r * 16, 16);
            loaded.Predict(window).ShouldBe(model.Predict(window));
        }
    }

    [Fact]
    public void One_window_prediction_does_not_allocate_after_warm_up()
    {
        var options = new NeuralOptions { Architecture = "gld", Steps = 8, Units = 8, DenseUnits = 4, Epochs = 1, Seed = 1 };
        var model = new NeuralRegressor(options).Fit(Sequences(100, 1), null);
        var window = Sequences(1, 5).Inputs;
        model.Predict(window);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 100; i++)
        {
            sum += model.Predict(window);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        double.IsFinite(sum).ShouldBeTrue();
    }

    [Fact]
    public void Rows_that_do_not_split_into_steps_are_rejected_naming_the_option()
    {
        var data = new RegressionSet(new FeatureMatrix(4, 3, new double[12]), [1, 2, 3, 4]);
        Should.Throw<ArgumentException>(() => new NeuralRegressor(new NeuralOptions { Architecture = "lstm", Steps = 2 }).Fit(data)).Message.ShouldContain("Steps");
    }

    [Fact]
    public void Options_validate_at_construction()
    {
        Should.Throw<ArgumentException>(() => new NeuralOptions { Architecture = "transformer" }).Message.ShouldContain("Architecture");
        Should.Throw<ArgumentOutOfRangeException>(() => new NeuralOptions { Dropout = 1 }).ParamName.ShouldBe("Dropout");
        Should.Throw<ArgumentException>(() => new NeuralOptions { Optimizer = "rmsprop" }).Message.ShouldContain("Optimizer");
    }

    [Fact]
    public void Autoencoder_scores_off_manifold_rows_above_its_threshold()
    {
        // Normal rows lie on a 2-D plane in 6-D; anomalies leave it.
        var random = new Random(4);
        double[] Row(bool anomaly)
        {
            var a = random.NextDouble() * 2 - 1;
            var b = random.NextDouble() * 2 - 1;
            var row = new[] { a, b, a + b, a - b, 2 * a, -b };
            for (var i = 0; i < row.Length; i++)
            {
                row[i] += 0.01 * (random.NextDouble() - 0.5);
            }

            if (anomaly)
            {
                row[2] += 3;
                row[5] -= 3;
            }

            return row;
        }

        var train = FeatureMatrix.FromRows([.. Enumerable.Range(0, 800).Select(_ => Row(false))]);
        var detector = new DenseAutoencoder(new AutoencoderOptions { Encoder = [8, 2], Contamination = 0.02, Training = new NeuralOptions { Epochs = 80, BatchSize = 32, LearningRate = 3e-3f, Seed = 2 } });
        var model = detector.Fit(train);
        var normal = Enumerable.Range(0, 100).Select(_ => Row(false)).Count(r => model.IsAnomaly(r));
        var anomalies = Enumerable.Range(0, 100).Select(_ => Row(true)).Count(r => model.IsAnomaly(r));
        anomalies.ShouldBeGreaterThanOrEqualTo(95);
        normal.ShouldBeLessThanOrEqualTo(10);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        var loaded = AutoencoderModel.Read(new BinaryReader(stream));
        var probe = Row(true);
        loaded.Score(probe).ShouldBe(model.Score(probe));
        loaded.Threshold.ShouldBe(model.Threshold);
    }
}
