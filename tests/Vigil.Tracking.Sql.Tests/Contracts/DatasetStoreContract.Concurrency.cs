using Shouldly;
using Vigil.Tracking.Datasets;
using Xunit;
using static Vigil.Tracking.Sql.Tests.Contracts.DatasetSamples;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>The contract's multi-instance behaviours: concurrent writers and reopening.</summary>
public abstract partial class DatasetStoreContract
{
    [Fact]
    public async Task RegisterAsync_ConcurrentFromSeparateStores_AssignsUniqueConsecutiveVersions()
    {
        const int writers = 8;
        const int perWriter = 5;
        var stores = Enumerable.Range(0, writers).Select(_ => Open()).ToList();

        var registrations = await RunTogether(stores, async (store, writer) =>
        {
            List<DatasetRegistration> mine = [];
            for (var i = 0; i < perWriter; i++)
            {
                mine.Add(await store.RegisterAsync(New("iris", $"writer {writer} item {i}"), Ct));
            }

            return mine;
        });

        var all = registrations.SelectMany(r => r).ToList();
        all.ShouldAllBe(r => !r.Reused);
        all.Select(r => r.Version.Version).Order().ShouldBe(Enumerable.Range(1, writers * perWriter));
        (await Open().ListAsync("iris", Ct)).Count.ShouldBe(writers * perWriter);
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentSameContent_StoresOneVersion()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Open()).ToList();

        var registrations = await RunTogether(stores, async (store, _) =>
        {
            List<DatasetRegistration> mine = [];
            for (var i = 0; i < 5; i++)
            {
                mine.Add(await store.RegisterAsync(New("iris", $"same {i}"), Ct));
            }

            return mine;
        });

        var all = registrations.SelectMany(r => r).ToList();
        all.Count(r => !r.Reused).ShouldBe(5);
        all.GroupBy(r => r.Version.Sha256).ShouldAllBe(g => g.Select(r => r.Version.Version).Distinct().Count() == 1);
        (await Open().ListAsync("iris", Ct)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task OpenStore_AfterDispose_KeepsEverything()
    {
        IReadOnlyList<DatasetVersion> before;
        await using (var first = OpenStore(Time))
        {
            await RegisterAll(first.Datasets, ("iris", "v1"), ("iris", "v2"), ("wine", "v1"));
            before = await first.Datasets.ListAsync(cancellationToken: Ct);
        }

        await using var second = OpenStore(Time);

        (await second.Datasets.ListAsync(cancellationToken: Ct)).ShouldBe(before);
        (await second.Datasets.RegisterAsync(New("iris", "v3"), Ct)).Version.Version.ShouldBe(3);
    }

    // Starts one thread per store and releases them at once, so their transactions overlap.
    private static async Task<T[]> RunTogether<T>(IReadOnlyList<IDatasetStore> stores, Func<IDatasetStore, int, Task<T>> work)
    {
        using var start = new Barrier(stores.Count);
        var tasks = stores.Select((store, index) => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(Ct);
                return work(store, index).GetAwaiter().GetResult();
            },
            Ct,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        return await Task.WhenAll(tasks);
    }
}
