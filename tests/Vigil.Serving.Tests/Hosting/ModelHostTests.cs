using Shouldly;
using Vigil.Serving.Hosting;
using Vigil.Serving.Routing;
using Xunit;

namespace Vigil.Serving.Tests.Hosting;

public sealed class ModelHostTests
{
    private static byte[] Damaged()
    {
        var bytes = ServingTestKit.ModelBytes.ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;
        return bytes;
    }

    [Fact]
    public async Task Start_LoadsAndWarmsEveryConfiguredReference()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("other", alias: null);
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm@champion", "other/1"], observer);

        host.IsReady.ShouldBeFalse();
        await host.StartAsync(ServingTestKit.Token);

        host.IsReady.ShouldBeTrue();
        host.Endpoints.Keys.Order().ShouldBe(["other", "pdm"]);
        host.Endpoints["pdm"].PrimaryIdentity.Version.ShouldBe(1);
        host.Endpoints["pdm"].LoadedAt.ShouldBe(kit.Time.GetUtcNow());
        host.Endpoints["pdm"].Routing.ShouldBe(RoutingSpec.None);
        observer.Loaded.Count.ShouldBe(2);
        kit.Factory.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Start_MissingModel_ThrowsNamingIt()
    {
        using var kit = new ServingTestKit();
        using var host = kit.Host(["pdm@champion"]);

        var error = await Should.ThrowAsync<ServingException>(() => host.StartAsync(ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        error.Message.ShouldContain("'pdm'");
        host.IsReady.ShouldBeFalse();
    }

    [Fact]
    public async Task Start_WhenLoadFailsAllowed_StartsNotReadyThenBecomesReadyOnRefresh()
    {
        using var kit = new ServingTestKit();
        using var host = kit.Host(["pdm@champion"], configure: o => o with { StartWhenLoadFails = true });

        await host.StartAsync(ServingTestKit.Token);
        host.IsReady.ShouldBeFalse();
        var notReady = await Should.ThrowAsync<ServingException>(() => host.GetAsync("pdm", ServingTestKit.Token).AsTask());
        notReady.ErrorCode.ShouldBe(ServingErrorCode.NotReady);
        notReady.Message.ShouldContain("does not exist");

        await kit.RegisterAsync("pdm");
        await host.RefreshAsync(ServingTestKit.Token);

        host.IsReady.ShouldBeTrue();
        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Refresh_AliasMoved_LoadsBesideAndSwapsRaisingSwapped()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm"], observer);
        await host.StartAsync(ServingTestKit.Token);
        var before = await host.GetAsync("pdm", ServingTestKit.Token);

        await host.RefreshAsync(ServingTestKit.Token);
        (await host.GetAsync("pdm", ServingTestKit.Token)).ShouldBeSameAs(before);

        await kit.RegisterAsync("pdm");
        kit.Time.Advance(TimeSpan.FromSeconds(2));
        await host.RefreshAsync(ServingTestKit.Token);

        var after = await host.GetAsync("pdm", ServingTestKit.Token);
        after.PrimaryIdentity.Version.ShouldBe(2);
        after.LoadedAt.ShouldBe(kit.Time.GetUtcNow());
        observer.Swapped.ShouldHaveSingleItem();
        observer.Swapped[0].Name.ShouldBe("pdm");
        observer.Swapped[0].From.Version.ShouldBe(1);
        observer.Swapped[0].To.Version.ShouldBe(2);
        kit.Factory.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Refresh_CallerHoldingTheOldModel_StillScoresAfterTheSwap()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        using var host = kit.Host(["pdm"]);
        await host.StartAsync(ServingTestKit.Token);
        var inFlight = (await host.GetAsync("pdm", ServingTestKit.Token)).Primary;

        await kit.RegisterAsync("pdm");
        await host.RefreshAsync(ServingTestKit.Token);

        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(2);
        inFlight.Identity.Version.ShouldBe(1);
        inFlight.Score(ServingTestKit.Records, ServingTestKit.Token).Rows.ShouldBe(5);
    }

    [Fact]
    public async Task Refresh_DamagedNewVersion_KeepsTheOldReportsAndRecoversWhenFixed()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm"], observer);
        await host.StartAsync(ServingTestKit.Token);

        var broken = await kit.RegisterAsync("pdm", bytes: Damaged());
        await host.RefreshAsync(ServingTestKit.Token);

        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(1);
        host.IsReady.ShouldBeTrue();
        observer.Swapped.ShouldBeEmpty();
        var failure = observer.Failed.ShouldHaveSingleItem();
        failure.Reference.ToString().ShouldBe("pdm@champion");
        var error = failure.Error.ShouldBeOfType<ServingException>();
        error.ErrorCode.ShouldBe(ServingErrorCode.ModelUnreadable);
        error.Message.ShouldContain("version 2");

        await host.RefreshAsync(ServingTestKit.Token);
        observer.Failed.Count.ShouldBe(2);

        await kit.PutAsync(ServingTestKit.ModelPathOf(broken), ServingTestKit.ModelBytes);
        await host.RefreshAsync(ServingTestKit.Token);

        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(2);
        observer.Swapped.ShouldHaveSingleItem().To.Version.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_ModelRegisteredAfterStart_LoadsOnFirstRequestAndFollowsItsAlias()
    {
        using var kit = new ServingTestKit();
        using var host = kit.Host([]);
        await host.StartAsync(ServingTestKit.Token);
        host.IsReady.ShouldBeTrue();

        await kit.RegisterAsync("late");
        var endpoint = await host.GetAsync("late", ServingTestKit.Token);

        endpoint.Reference.ToString().ShouldBe("late@champion");
        endpoint.PrimaryIdentity.Version.ShouldBe(1);
        host.Endpoints.Keys.ShouldBe(["late"]);

        await kit.RegisterAsync("late");
        await host.RefreshAsync(ServingTestKit.Token);
        (await host.GetAsync("late", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_ConcurrentFirstRequests_ShareOneLoad()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        using var host = kit.Host([]);
        await host.StartAsync(ServingTestKit.Token);
        using var gate = new ManualResetEventSlim(false);
        kit.Factory.Gate = gate;

        var requests = Enumerable.Range(0, 32).Select(_ => host.GetAsync("pdm", ServingTestKit.Token).AsTask()).ToList();
        gate.Set();
        var endpoints = await Task.WhenAll(requests);

        kit.Factory.Calls.ShouldBe(1);
        endpoints.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task GetAsync_MissingModel_IsCachedBrieflyThenRetried()
    {
        using var kit = new ServingTestKit();
        using var host = kit.Host([]);
        await host.StartAsync(ServingTestKit.Token);

        var first = await Should.ThrowAsync<ServingException>(() => host.GetAsync("pdm", ServingTestKit.Token).AsTask());
        first.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        await kit.RegisterAsync("pdm");

        // Within the miss window the store is not asked again.
        var cached = await Should.ThrowAsync<ServingException>(() => host.GetAsync("pdm", ServingTestKit.Token).AsTask());
        cached.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        kit.Factory.Calls.ShouldBe(0);

        kit.Time.Advance(host.Options.MissCacheDuration);
        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_FirstRequestLoadsDisabled_IsNotFoundListingServedModels()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("other");
        using var host = kit.Host(["pdm"], configure: o => o with { LoadOnFirstRequest = false });
        await host.StartAsync(ServingTestKit.Token);

        var error = await Should.ThrowAsync<ServingException>(() => host.GetAsync("other", ServingTestKit.Token).AsTask());

        error.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        error.Message.ShouldContain("serving: pdm");
    }

    [Fact]
    public async Task Refresh_RoutingTag_AddsAndRemovesTheSecondary()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("pdm", alias: "challenger");
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm"], observer);
        await host.StartAsync(ServingTestKit.Token);
        var routing = new RoutingStore(kit.Registry);

        await routing.SetAsync("pdm", RoutingSpec.Canary("challenger", 10), cancellationToken: ServingTestKit.Token);
        await host.RefreshAsync(ServingTestKit.Token);

        var canary = await host.GetAsync("pdm", ServingTestKit.Token);
        canary.Routing.ShouldBe(RoutingSpec.Canary("challenger", 10));
        canary.SecondaryIdentity!.Version.ShouldBe(2);
        canary.PrimaryIdentity.Version.ShouldBe(1);
        observer.RoutingChanges.ShouldHaveSingleItem().To.Mode.ShouldBe(RoutingMode.Canary);

        // Promotion: champion moves to the challenger's version, which is already loaded.
        await kit.SetAliasAsync("pdm", "champion", 2);
        await routing.ClearAsync("pdm", cancellationToken: ServingTestKit.Token);
        await host.RefreshAsync(ServingTestKit.Token);

        var promoted = await host.GetAsync("pdm", ServingTestKit.Token);
        promoted.Routing.ShouldBe(RoutingSpec.None);
        promoted.Secondary.ShouldBeNull();
        promoted.Primary.ShouldBeSameAs(canary.Secondary);
        kit.Factory.Calls.ShouldBe(2);
        observer.Swapped.ShouldHaveSingleItem().To.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Refresh_SecondaryFailsToLoad_ServesThePrimaryAloneAndReports()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("pdm", alias: "challenger", bytes: Damaged());
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm"], observer);
        await host.StartAsync(ServingTestKit.Token);

        await new RoutingStore(kit.Registry).SetAsync("pdm", RoutingSpec.Shadow("challenger"), cancellationToken: ServingTestKit.Token);
        await host.RefreshAsync(ServingTestKit.Token);

        var endpoint = await host.GetAsync("pdm", ServingTestKit.Token);
        endpoint.Routing.ShouldBe(RoutingSpec.None);
        endpoint.Secondary.ShouldBeNull();
        observer.Failed.ShouldHaveSingleItem().Reference.ToString().ShouldBe("pdm@challenger");
    }

    [Fact]
    public async Task Refresh_InvalidRoutingTag_KeepsServingAndReports()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm"], observer);
        await host.StartAsync(ServingTestKit.Token);

        await kit.Registry.SetRegisteredModelTagAsync("pdm", RoutingStore.Tag, "{\"mode\":\"sideways\"}", cancellationToken: ServingTestKit.Token);
        await host.RefreshAsync(ServingTestKit.Token);

        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(1);
        observer.Failed.ShouldHaveSingleItem().Error.Message.ShouldContain("vigil.routing");
    }

    [Fact]
    public async Task RunAsync_PollsOnTheInjectedClock()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        var observer = new RecordingObserver();
        using var host = kit.Host(["pdm"], observer);
        await host.StartAsync(ServingTestKit.Token);
        await kit.RegisterAsync("pdm");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ServingTestKit.Token);
        var loop = host.RunAsync(stop.Token);

        // Advance the fake clock one poll interval at a time until the loop has picked up the move (the loop may start its timer late).
        for (var i = 0; i < 500 && !observer.FirstSwap.Task.IsCompleted; i++)
        {
            kit.Time.Advance(host.Options.PollInterval);
            await Task.WhenAny(observer.FirstSwap.Task, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, ServingTestKit.Token));
        }

        observer.FirstSwap.Task.IsCompleted.ShouldBeTrue();
        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(2);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Serve_FileReference_IsLoadedOnceAndNeverFollowed()
    {
        using var kit = new ServingTestKit();
        var path = kit.Directory.File("pdm.vigil");
        await File.WriteAllBytesAsync(path, ServingTestKit.ModelBytes, ServingTestKit.Token);
        using var host = kit.Host(["file:" + path]);
        await host.StartAsync(ServingTestKit.Token);

        await host.RefreshAsync(ServingTestKit.Token);

        (await host.GetAsync("pdm", ServingTestKit.Token)).PrimaryIdentity.Version.ShouldBe(0);
        kit.Factory.Calls.ShouldBe(1);
    }

    [Fact]
    public void Options_Invalid_ThrowNamingTheOption()
    {
        var options = new ModelHostOptions([]);

        Should.Throw<ArgumentException>(() => options with { PollInterval = TimeSpan.Zero }).Message.ShouldContain("PollInterval");
        Should.Throw<ArgumentException>(() => options with { LoadTimeout = TimeSpan.FromSeconds(-1) }).Message.ShouldContain("LoadTimeout");
        Should.Throw<ArgumentException>(() => options with { MissCacheDuration = TimeSpan.FromSeconds(-1) }).Message.ShouldContain("MissCacheDuration");
        Should.Throw<ArgumentException>(() => options with { OnDemandAlias = "a b" }).Message.ShouldContain("OnDemandAlias");
        Should.Throw<ArgumentException>(() => new ModelHostOptions([ModelReference.Parse("pdm@champion"), ModelReference.Parse("pdm/2")])).Message.ShouldContain("'pdm'");
        options.PollInterval.ShouldBe(TimeSpan.FromSeconds(2));
    }
}
