using Vigil.Testing;
using Vigil.Testing.Postgres;
using Vigil.Tracking.Sql.Tests.Contracts;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Registry;

/// <summary>Runs the model registry contract against PostgreSQL: one fresh database per test, one store per open.</summary>
public sealed class PostgresModelRegistryTests(PostgresFixture postgres) : RegistryContract, IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private PostgresTestDatabase? _database;

    public async ValueTask InitializeAsync() => _database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    protected override VigilStore OpenStore(TimeProvider time) => VigilStore.Open(_directory.Path, _database!.StoreUri, time);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }
}
