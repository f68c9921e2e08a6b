namespace Vigil.Testing.Postgres;

/// <summary>
/// One <see cref="PostgresServer"/> per test assembly, started on first use. Register it with
/// <c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c> and take it in a test class constructor; an
/// assembly that never asks for the server never starts one. A start that was unavailable (skipped) or failed is
/// remembered, so every later test reports the same outcome at once.
/// </summary>
public sealed class PostgresFixture : IAsyncDisposable
{
    private readonly Lazy<Task<PostgresServer>> _server = new(() => PostgresServer.StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared server; skips (or fails under VIGIL_REQUIRE_SERVICES=1) when PostgreSQL is not installed.</summary>
    public Task<PostgresServer> GetServerAsync() => _server.Value;

    /// <summary>A fresh database on the shared server, dropped when disposed.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = await GetServerAsync().ConfigureAwait(false);
        return await server.CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server if one was started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server.IsValueCreated && _server.Value.IsCompletedSuccessfully)
        {
            await _server.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
