using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.Serving.Scoring;
using Vigil.Testing;
using Xunit;

namespace Vigil.Serving.Tests.Scoring;

public sealed class MicroBatcherTests(TestModels models)
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task FullBatch_IsScoredAtOnce_EachCallerGetsItsOwnRow()
    {
        var clock = new FakeTimeProvider();
        await using var batcher = new MicroBatcher(models.ServedClassifier, new MicroBatcherOptions(4, Delay), clock);
        var frames = Enumerable.Range(0, 4).Select(i => models.Ai4i.Take([i]).Select(TestModels.Ai4iInputs)).ToArray();

        var tasks = frames.Select(f => batcher.ScoreAsync(f, TestContext.Current.CancellationToken)).ToArray();
        var results = await Task.WhenAll(tasks);

        batcher.BatchesScored.ShouldBe(1);
        var expected = models.Classifier.PredictProba(models.Records(4));
        for (var i = 0; i < 4; i++)
        {
            results[i].Rows.ShouldBe(1);
            results[i].Probabilities.ShouldBe(expected.AsSpan(i * 2, 2).ToArray());
        }
    }

    [Fact]
    public async Task PartialBatch_WaitsForMaxDelay()
    {
        var clock = new FakeTimeProvider();
        await using var batcher = new MicroBatcher(models.ServedClassifier, new MicroBatcherOptions(8, Delay), clock);

        var first = batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken);
        var second = batcher.ScoreAsync(models.Records(2), TestContext.Current.CancellationToken);
        clock.Advance(Delay - TimeSpan.FromTicks(1));

        first.IsCompleted.ShouldBeFalse();
        batcher.PendingRequests.ShouldBe(2);
        clock.Advance(TimeSpan.FromTicks(1));
        (await first).Rows.ShouldBe(1);
        (await second).Rows.ShouldBe(2);
        batcher.BatchesScored.ShouldBe(1);
    }

    [Fact]
    public async Task CancelledCaller_LeavesTheOthersAlone()
    {
        var clock = new FakeTimeProvider();
        await using var batcher = new MicroBatcher(models.ServedClassifier, new MicroBatcherOptions(8, Delay), clock);
        using var cancel = new CancellationTokenSource();

        var cancelled = batcher.ScoreAsync(models.Records(1), cancel.Token);
        var kept = batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        batcher.PendingRequests.ShouldBe(1);
        clock.Advance(Delay);
        (await kept).Labels!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ScoringFailure_FailsOnlyThatBatch()
    {
        var clock = new FakeTimeProvider();
        var model = new FlakyModel(models.ServedClassifier);
        await using var batcher = new MicroBatcher(model, new MicroBatcherOptions(2, Delay), clock);

        model.FailNext = true;
        var failed = new[] { batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken), batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken) };
        foreach (var t in failed)
        {
            (await Should.ThrowAsync<InvalidOperationException>(() => t)).Message.ShouldBe("boom");
        }

        var ok = new[] { batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken), batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken) };
        (await Task.WhenAll(ok)).ShouldAllBe(r => r.Rows == 1);
    }

    [Fact]
    public async Task Dispose_FailsPendingCallersWithObjectDisposed()
    {
        var clock = new FakeTimeProvider();
        var batcher = new MicroBatcher(models.ServedClassifier, new MicroBatcherOptions(8, Delay), clock);
        var pending = batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken);

        await batcher.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => pending);
        Should.Throw<ObjectDisposedException>(() => batcher.ScoreAsync(models.Records(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DifferentCategoryDictionaries_AreMergedByText()
    {
        var clock = new FakeTimeProvider();
        await using var batcher = new MicroBatcher(models.ServedClassifier, new MicroBatcherOptions(2, Delay), clock);
        var a = models.Records(1);
        var b = models.Records(1).WithColumn(new CategoricalColumn("Type", [1], ["Z", "H"]));

        var results = await Task.WhenAll(batcher.ScoreAsync(a, TestContext.Current.CancellationToken), batcher.ScoreAsync(b, TestContext.Current.CancellationToken));

        results[1].Probabilities.ShouldBe(models.Classifier.PredictProba(b));
        results[0].Probabilities.ShouldBe(models.Classifier.PredictProba(a));
    }

    [Fact]
    public void Options_AreValidated()
    {
        Should.Throw<ArgumentException>(() => new MicroBatcherOptions(0)).Message.ShouldContain("MaxBatchRows");
        Should.Throw<ArgumentException>(() => new MicroBatcherOptions(4, TimeSpan.FromSeconds(-1))).Message.ShouldContain("MaxDelay");
        Should.Throw<ArgumentException>(() => new MicroBatcher(models.ServedRul, new MicroBatcherOptions(), new FakeTimeProvider())).Message.ShouldContain("RUL");
    }

    private sealed class FlakyModel(IServedModel inner) : IServedModel
    {
        public bool FailNext { get; set; }

        public ModelIdentity Identity => inner.Identity;

        public ModelTask Task => inner.Task;

        public string Kind => inner.Kind;

        public FrameSchema InputSchema => inner.InputSchema;

        public ScoreResult Score(DataFrame records, CancellationToken cancellationToken = default)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("boom");
            }

            return inner.Score(records, cancellationToken);
        }
    }
}
