using Vigil.Testing;
using Vigil.Tracking.Sql.Tests.Contracts;

namespace Vigil.Tracking.Sql.Tests.Datasets;

/// <summary>Runs the dataset store contract against SQLite: one database file per test, one store per open.</summary>
public sealed class SqliteDatasetStoreTests : DatasetStoreContract
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
