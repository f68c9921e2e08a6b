using Vigil.Testing;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>
/// Shared plumbing of the tracking and registry contract suites: a backend's test class implements <see cref="OpenStore"/>
/// to open a new store instance over this test's fresh backing storage (a temp SQLite file, a fresh PostgreSQL database).
/// </summary>
public abstract class TrackingContractBase : IAsyncDisposable
{
    private readonly List<VigilStore> _opened = [];

    /// <summary>The clock given to stores.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The current fake time in Unix epoch milliseconds.</summary>
    protected long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Opens a new, independent store instance over this test's backing storage.</summary>
    protected abstract VigilStore OpenStore(TimeProvider time);

    /// <summary>Opens a store and remembers it for disposal.</summary>
    protected VigilStore Open()
    {
        var store = OpenStore(Time);
        _opened.Add(store);
        return store;
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
}
