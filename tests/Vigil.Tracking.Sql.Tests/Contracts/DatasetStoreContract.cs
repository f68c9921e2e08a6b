using Shouldly;
using Vigil.Testing;
using Vigil.Tracking.Datasets;
using Xunit;
using static Vigil.Tracking.Sql.Tests.Contracts.DatasetSamples;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>
/// The behaviours every <see cref="IDatasetStore"/> backend must show. A backend's test class derives from this
/// and opens store instances over one backing storage per test (a file, a database schema).
/// </summary>
public abstract partial class DatasetStoreContract : IAsyncDisposable
{
    private readonly List<VigilStore> _opened = [];

    /// <summary>The clock given to stores; it starts with sub-millisecond ticks to prove truncation.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 30, 45, 123, TimeSpan.Zero).AddTicks(4567));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a new, independent store instance over this test's backing storage.</summary>
    protected abstract VigilStore OpenStore(TimeProvider time);

    [Fact]
    public async Task RegisterAsync_NewName_RoundTripsEveryField()
    {
        var store = Open();
        var input = New("iris", "a,b\n1,2\n");

        var registration = await store.RegisterAsync(input, Ct);
        var read = await store.GetAsync("iris", 1, Ct);

        registration.Reused.ShouldBeFalse();
        var expected = new DatasetVersion(input.Name, 1, input.Sha256, input.RowCount, input.QuarantinedRowCount, input.ColumnCount,
            input.SchemaJson, input.ProfileJson, input.Source, input.ContentKey, input.Target, Truncated(Time.GetUtcNow()));
        registration.Version.ShouldBe(expected);
        read.ShouldBe(expected);
    }

    [Fact]
    public async Task RegisterAsync_NullTarget_RoundTripsNull()
    {
        var store = Open();
        await store.RegisterAsync(New("iris", "x", target: null), Ct);

        (await store.GetAsync("iris", cancellationToken: Ct))!.Target.ShouldBeNull();
    }

    [Fact]
    public async Task RegisterAsync_Timestamp_IsUtcWithMillisecondPrecision()
    {
        var store = Open();
        var registered = (await store.RegisterAsync(New("iris", "x"), Ct)).Version;
        var read = (await store.GetAsync("iris", 1, Ct))!;

        read.CreatedAt.ShouldBe(registered.CreatedAt);
        read.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        read.CreatedAt.UtcTicks.ShouldBe(Time.GetUtcNow().UtcTicks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public async Task GetAsync_NoVersion_ReturnsLatest()
    {
        var store = Open();
        await RegisterAll(store, ("iris", "v1"), ("iris", "v2"), ("iris", "v3"));

        var latest = await store.GetAsync("iris", cancellationToken: Ct);

        latest.ShouldNotBeNull();
        latest.Version.ShouldBe(3);
        latest.Sha256.ShouldBe(Sha256Of("v3"));
    }

    [Fact]
    public async Task GetAsync_ExplicitVersion_ReturnsThatVersion()
    {
        var store = Open();
        await RegisterAll(store, ("iris", "v1"), ("iris", "v2"), ("iris", "v3"));

        var second = await store.GetAsync("iris", 2, Ct);

        second.ShouldNotBeNull();
        second.Version.ShouldBe(2);
        second.Sha256.ShouldBe(Sha256Of("v2"));
    }

    [Fact]
    public async Task GetAsync_MissingNameOrVersion_ReturnsNull()
    {
        var store = Open();
        await RegisterAll(store, ("iris", "v1"));

        (await store.GetAsync("wine", cancellationToken: Ct)).ShouldBeNull();
        (await store.GetAsync("wine", 1, Ct)).ShouldBeNull();
        (await store.GetAsync("iris", 2, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_VersionBelowOne_ThrowsArgumentOutOfRange()
    {
        var store = Open();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => store.GetAsync("iris", 0, Ct));
    }

    [Fact]
    public async Task RegisterAsync_SameNameSameHash_ReusesExistingVersion()
    {
        var store = Open();
        var first = await store.RegisterAsync(New("iris", "same"), Ct);
        Time.Advance(TimeSpan.FromMinutes(5));

        var again = await store.RegisterAsync(New("iris", "same") with { Source = "/elsewhere.csv" }, Ct);

        again.Reused.ShouldBeTrue();
        again.Version.ShouldBe(first.Version);
        (await store.ListAsync("iris", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task RegisterAsync_NewContent_ReturnsNextVersion()
    {
        var store = Open();
        await RegisterAll(store, ("iris", "v1"));

        var next = await store.RegisterAsync(New("iris", "v2"), Ct);

        next.Reused.ShouldBeFalse();
        next.Version.Version.ShouldBe(2);
    }

    [Fact]
    public async Task RegisterAsync_SameContentOtherName_ReturnsThatNamesVersionOne()
    {
        var store = Open();
        await RegisterAll(store, ("iris", "v1"), ("iris", "shared"));

        var other = await store.RegisterAsync(New("wine", "shared"), Ct);

        other.Reused.ShouldBeFalse();
        other.Version.Name.ShouldBe("wine");
        other.Version.Version.ShouldBe(1);
    }

    [Fact]
    public async Task RegisterAsync_InvalidVersion_ThrowsArgumentExceptionAndStoresNothing()
    {
        var store = Open();

        var error = await Should.ThrowAsync<ArgumentException>(() => store.RegisterAsync(New("bad name!", "x") with { Sha256 = "XYZ" }, Ct));

        error.Message.ShouldContain("bad name!");
        error.Message.ShouldContain("XYZ");
        (await store.ListAsync(cancellationToken: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_AllNames_OrdersByOrdinalNameThenVersion()
    {
        var store = Open();
        await RegisterAll(store, ("b", "1"), ("a.x", "1"), ("B", "1"), ("b", "2"), ("a-x", "1"), ("a.x", "2"));

        var all = await store.ListAsync(cancellationToken: Ct);

        all.Select(v => v.Reference).ShouldBe(["B@1", "a-x@1", "a.x@1", "a.x@2", "b@1", "b@2"]);
    }

    [Fact]
    public async Task ListAsync_OneName_ReturnsOnlyItsVersionsInOrder()
    {
        var store = Open();
        await RegisterAll(store, ("iris", "1"), ("wine", "1"), ("iris", "2"));

        (await store.ListAsync("iris", Ct)).Select(v => v.Reference).ShouldBe(["iris@1", "iris@2"]);
        (await store.ListAsync("none", Ct)).ShouldBeEmpty();
    }

    /// <inheritdoc/>
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private IDatasetStore Open()
    {
        var store = OpenStore(Time);
        _opened.Add(store);
        return store.Datasets;
    }

    private async Task RegisterAll(IDatasetStore store, params (string Name, string Content)[] items)
    {
        foreach (var (name, content) in items)
        {
            await store.RegisterAsync(New(name, content), Ct);
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private static DateTimeOffset Truncated(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
