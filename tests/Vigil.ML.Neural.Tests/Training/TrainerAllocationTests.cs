using Shouldly;
using Vigil.ML.Neural.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Training;

[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>Runs alone so that other tests' allocations do not show up in the process-wide count.</summary>
[Collection(nameof(AllocationCollection))]
public sealed class TrainerAllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Fit_AfterWarmup_EpochsDoNotAllocate(int workers)
    {
        var network = TestNetworks.Mlp(2, 16, 1, seed: 3, dropout: 0.1);
        const int epochs = 4;
        var thread = new long[epochs];
        var total = new long[epochs];
        var epoch = 0;
        var progress = new SyncProgress<EpochReport>(_ =>
        {
            thread[epoch] = GC.GetAllocatedBytesForCurrentThread();
            total[epoch] = GC.GetTotalAllocatedBytes(precise: true);
            epoch++;
        });
        var options = new TrainerOptions { Epochs = epochs, BatchSize = 16, Workers = workers, EarlyStopping = new EarlyStoppingOptions { Patience = 100 }, ClipNorm = 1f, Optimizer = new AdamWOptions() };

        new NeuralTrainer().Fit(network, NeuralTrainerTests.Regression(640, 1), NeuralTrainerTests.Regression(100, 2), options, progress);

        // 40 steps and 7 validation batches per epoch; only the epoch's shuffle source and report may allocate.
        for (var e = 2; e < epochs; e++)
        {
            (thread[e] - thread[e - 1]).ShouldBeLessThan(2_048, $"calling thread, epoch {e + 1}");
            (total[e] - total[e - 1]).ShouldBeLessThan(64 * 1024, $"all threads, epoch {e + 1}");
        }
    }
}
