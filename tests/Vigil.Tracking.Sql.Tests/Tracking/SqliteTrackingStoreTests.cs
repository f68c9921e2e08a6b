using Vigil.Testing;
using Vigil.Tracking.Sql.Tests.Contracts;

namespace Vigil.Tracking.Sql.Tests.Tracking;

/// <summary>Runs the tracking store contract against SQLite: one database file per test.</summary>
public sealed class SqliteTrackingStoreTests : TrackingStoreContract
{
    private readonly TempDirectory _directory = new();

    protected override VigilStore OpenStore(TimeProvider time) =>
        VigilStore.Open(_directory.Path, "sqlite:///" + _directory.File("vigil.db"), time);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
