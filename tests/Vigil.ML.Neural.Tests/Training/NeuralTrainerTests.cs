using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Training;

public sealed class NeuralTrainerTests
{
    [Fact]
    public void Fit_SmallRegression_LossDecreases()
    {
        var network = TestNetworks.Mlp(2, 16, 1, seed: 3);
        var (train, validation) = (Regression(512, 1), Regression(128, 2));
        var options = new TrainerOptions { Epochs = 30, BatchSize = 32, LearningRate = 0.01f, Workers = 2, EarlyStopping = null };

        var result = new NeuralTrainer().Fit(network, train, validation, options);

        result.EpochsRun.ShouldBe(30);
        result.History[^1].TrainLoss.ShouldBeLessThan(result.History[0].TrainLoss * 0.2);
        result.History[^1].ValidationLoss!.Value.ShouldBeLessThan(0.05);
        result.History[^1].ValidationRmse!.Value.ShouldBe(Math.Sqrt(result.History[^1].ValidationLoss!.Value), 1e-6);
        result.StoppedEarly.ShouldBeFalse();
    }

    [Fact]
    public void Fit_SameSeedTwoWorkers_BitIdenticalWeights()
    {
        float[][] Run()
        {
            var network = TestNetworks.Mlp(2, 8, 1, seed: 5, dropout: 0.2);
            var options = new TrainerOptions { Epochs = 4, BatchSize = 37, LearningRate = 0.01f, Workers = 2, Seed = 11, ClipNorm = 1f, Optimizer = new AdamWOptions() };
            new NeuralTrainer().Fit(network, Regression(300, 1), Regression(50, 2), options);
            return TestNetworks.Weights(network);
        }

        var first = Run();
        var second = Run();

        for (var p = 0; p < first.Length; p++)
        {
            second[p].ShouldBe(first[p]);
        }
    }

    [Fact]
    public void Fit_DifferentSeeds_DifferentWeights()
    {
        float[][] Run(int seed)
        {
            var network = TestNetworks.Mlp(2, 8, 1, seed: 5);
            new NeuralTrainer().Fit(network, Regression(200, 1), null, new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = seed, Workers = 1 });
            return TestNetworks.Weights(network);
        }

        Run(1)[0].ShouldNotBe(Run(2)[0]);
    }

    [Fact]
    public void Fit_OneVersusTwoWorkers_Close()
    {
        (float[][] Weights, TrainingResult Result) Run(int workers)
        {
            var network = TestNetworks.Mlp(2, 8, 1, seed: 7);
            var options = new TrainerOptions { Epochs = 3, BatchSize = 32, LearningRate = 0.01f, Workers = workers, Seed = 4, Optimizer = new SgdOptions { Momentum = 0.9f } };
            var result = new NeuralTrainer().Fit(network, Regression(256, 1), null, options);
            return (TestNetworks.Weights(network), result);
        }

        var one = Run(1);
        var two = Run(2);

        for (var e = 0; e < 3; e++)
        {
            two.Result.History[e].TrainLoss.ShouldBe(one.Result.History[e].TrainLoss, 1e-5);
        }

        for (var p = 0; p < one.Weights.Length; p++)
        {
            for (var i = 0; i < one.Weights[p].Length; i++)
            {
                two.Weights[p][i].ShouldBe(one.Weights[p][i], 1e-4f);
            }
        }
    }

    [Fact]
    public void Fit_ValidationGetsWorse_StopsEarlyAndRestoresBestWeights()
    {
        // Train on y = x₁ while validating on y = −x₁: fitting the training data makes validation worse.
        var network = TestNetworks.Mlp(2, 8, 1, seed: 2);
        var train = Regression(256, 1, (x1, _) => x1);
        var validation = Regression(64, 2, (x1, _) => -x1);
        var snapshots = new List<float[][]>();
        var options = new TrainerOptions { Epochs = 50, BatchSize = 32, LearningRate = 0.02f, Workers = 2, EarlyStopping = new EarlyStoppingOptions { Patience = 3 } };

        var result = new NeuralTrainer().Fit(network, train, validation, options, new SyncProgress<EpochReport>(_ => snapshots.Add(TestNetworks.Weights(network))));

        result.StoppedEarly.ShouldBeTrue();
        result.RestoredBestWeights.ShouldBeTrue();
        result.EpochsRun.ShouldBe(result.BestEpoch + 3);
        result.BestLoss.ShouldBe(result.History.Min(h => h.ValidationLoss!.Value));
        var best = snapshots[result.BestEpoch - 1];
        var now = TestNetworks.Weights(network);
        for (var p = 0; p < best.Length; p++)
        {
            now[p].ShouldBe(best[p]);
        }

        now[0].ShouldNotBe(snapshots[^1][0]);
    }

    [Fact]
    public void Fit_RestoreDisabled_KeepsLastWeights()
    {
        var network = TestNetworks.Mlp(2, 8, 1, seed: 2);
        var last = Array.Empty<float[]>();
        var options = new TrainerOptions { Epochs = 50, BatchSize = 32, LearningRate = 0.02f, EarlyStopping = new EarlyStoppingOptions { Patience = 2, RestoreBestWeights = false } };

        var result = new NeuralTrainer().Fit(network, Regression(256, 1, (x1, _) => x1), Regression(64, 2, (x1, _) => -x1), options, new SyncProgress<EpochReport>(_ => last = TestNetworks.Weights(network)));

        result.StoppedEarly.ShouldBeTrue();
        result.RestoredBestWeights.ShouldBeFalse();
        TestNetworks.Weights(network)[0].ShouldBe(last[0]);
    }

    [Fact]
    public void Fit_CancelledAfterFirstEpoch_Throws()
    {
        using var cts = new CancellationTokenSource();
        var epochs = 0;
        var network = TestNetworks.Mlp(2, 4, 1, seed: 1);

        Should.Throw<OperationCanceledException>(() => new NeuralTrainer().Fit(
            network, Regression(64, 1), null, new TrainerOptions { Epochs = 20, BatchSize = 8, Workers = 2 },
            new SyncProgress<EpochReport>(_ =>
            {
                epochs++;
                cts.Cancel();
            }),
            cts.Token));

        epochs.ShouldBe(1);
    }

    [Fact]
    public void Fit_InjectedTimeProvider_TimesEachEpoch()
    {
        var network = TestNetworks.Mlp(2, 4, 1, seed: 1);

        var result = new NeuralTrainer(new SteppingTimeProvider()).Fit(network, Regression(64, 1), Regression(16, 2), new TrainerOptions { Epochs = 3, BatchSize = 16, EarlyStopping = null });

        result.History.Select(h => h.Seconds).ShouldBe([1.0, 1.0, 1.0]);
        result.MeanEpochSeconds.ShouldBe(1.0);
    }

    [Fact]
    public void Fit_ScheduleAndClipping_ReportedPerEpoch()
    {
        var network = TestNetworks.Mlp(2, 4, 1, seed: 1);
        var options = new TrainerOptions
        {
            Epochs = 3, BatchSize = 16, LearningRate = 0.1f, EarlyStopping = null, ClipNorm = 0.5f, ClipValue = 0.1f,
            Schedule = new StepDecaySchedule { StepEpochs = 1, Gamma = 0.5f },
        };

        var result = new NeuralTrainer().Fit(network, Regression(64, 1), null, options);

        result.History.Select(h => h.LearningRate).ShouldBe([0.1f, 0.05f, 0.025f]);
        result.History.ShouldAllBe(h => h.GradientNorm > 0);
        result.History.ShouldAllBe(h => h.ValidationLoss == null);
    }

    [Fact]
    public void Fit_MoreWorkersThanRows_Works()
    {
        var network = TestNetworks.Mlp(2, 4, 1, seed: 1);

        var result = new NeuralTrainer().Fit(network, Regression(3, 1), Regression(5, 2), new TrainerOptions { Epochs = 2, BatchSize = 2, Workers = 4 });

        result.EpochsRun.ShouldBe(2);
        double.IsFinite(result.History[^1].ValidationLoss!.Value).ShouldBeTrue();
    }

    [Fact]
    public void Fit_SoftmaxClassification_LearnsTheClasses()
    {
        // Two classes split by the sign of x₁ + x₂.
        var random = new Random(9);
        const int n = 256;
        var x = new float[n * 2];
        var y = new float[n * 2];
        for (var i = 0; i < n; i++)
        {
            x[2 * i] = (float)(random.NextDouble() * 2 - 1);
            x[2 * i + 1] = (float)(random.NextDouble() * 2 - 1);
            y[2 * i + (x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0)] = 1f;
        }

        var network = TestNetworks.Mlp(2, 8, 2, seed: 4);
        var result = new NeuralTrainer().Fit(network, new TrainingData(x, 2, y, 2), null, new TrainerOptions { Epochs = 20, BatchSize = 32, LearningRate = 0.02f, Loss = SoftmaxCrossEntropy.Instance });

        result.History[^1].TrainLoss.ShouldBeLessThan(0.2);
    }

    [Fact]
    public void Fit_DataNotMatchingTheNetwork_Throws()
    {
        var network = TestNetworks.Mlp(2, 4, 1, seed: 1);
        var wrongInputs = new TrainingData(new float[9], 3, new float[3], 1);
        var wrongTargets = new TrainingData(new float[6], 2, new float[6], 2);

        Should.Throw<ArgumentException>(() => new NeuralTrainer().Fit(network, wrongInputs, null, new TrainerOptions())).ParamName.ShouldBe("train");
        Should.Throw<ArgumentException>(() => new NeuralTrainer().Fit(network, Regression(4, 1), wrongTargets, new TrainerOptions())).ParamName.ShouldBe("validation");
    }

    [Fact]
    public void TrainingData_MismatchedLengths_Throws()
    {
        Should.Throw<ArgumentException>(() => new TrainingData(new float[7], 2, new float[3], 1)).ParamName.ShouldBe("inputs");
        Should.Throw<ArgumentException>(() => new TrainingData(new float[6], 2, new float[4], 1)).ParamName.ShouldBe("targets");
    }

    [Fact]
    public void TrainerOptions_Invalid_ThrowNamingTheOption()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new TrainerOptions { BatchSize = 0 }).ParamName.ShouldBe("BatchSize");
        Should.Throw<ArgumentOutOfRangeException>(() => new TrainerOptions { Epochs = 0 }).ParamName.ShouldBe("Epochs");
        Should.Throw<ArgumentOutOfRangeException>(() => new TrainerOptions { Workers = 0 }).ParamName.ShouldBe("Workers");
        Should.Throw<ArgumentOutOfRangeException>(() => new TrainerOptions { LearningRate = float.NaN }).ParamName.ShouldBe("LearningRate");
        Should.Throw<ArgumentOutOfRangeException>(() => new TrainerOptions { ClipNorm = 0f }).ParamName.ShouldBe("ClipNorm");
        Should.Throw<ArgumentNullException>(() => new TrainerOptions { Loss = null! }).ParamName.ShouldBe("Loss");
        Should.Throw<ArgumentOutOfRangeException>(() => new EarlyStoppingOptions { Patience = 0 }).ParamName.ShouldBe("Patience");
    }

    [Fact]
    public void TrainerOptions_Defaults()
    {
        var options = new TrainerOptions();

        options.BatchSize.ShouldBe(256);
        options.Workers.ShouldBe(Math.Min(2, Environment.ProcessorCount));
        options.EarlyStopping!.Patience.ShouldBe(10);
        options.EarlyStopping.RestoreBestWeights.ShouldBeTrue();
        options.Shuffle.ShouldBeTrue();
        options.Loss.ShouldBeOfType<MeanSquaredError>();
        options.Optimizer.ShouldBeOfType<AdamOptions>();
    }

    [Fact]
    public void Predict_InChunks_MatchesOneBatch()
    {
        var network = TestNetworks.Mlp(2, 6, 3, seed: 8);
        var data = Regression(23, 1);
        var whole = network.Forward(network.CreateWorkspace(23), data.Inputs, 23, ForwardMode.Inference).ToArray();

        var chunked = new float[23 * 3];
        network.Predict(data.Inputs, 23, chunked, network.CreateWorkspace(5));

        chunked.ShouldBe(whole);
        network.Predict(data.Inputs, 23, maxBatch: 4).ShouldBe(whole);
    }

    internal static TrainingData Regression(int rows, int seed, Func<float, float, float>? f = null)
    {
        f ??= (x1, x2) => MathF.Sin(x1) + x2;
        var random = new Random(seed);
        var x = new float[rows * 2];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            x[2 * i] = (float)(random.NextDouble() * 4 - 2);
            x[2 * i + 1] = (float)(random.NextDouble() * 2 - 1);
            y[i] = f(x[2 * i], x[2 * i + 1]);
        }

        return new TrainingData(x, 2, y, 1);
    }
}

/// <summary>Reports on the calling thread, immediately (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

/// <summary>A clock that advances one second every time it is read.</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => _ticks += 1000;
}
