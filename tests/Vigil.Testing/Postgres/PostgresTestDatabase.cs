namespace Vigil.Testing.Postgres;

/// <summary>A fresh database on a <see cref="PostgresServer"/>, dropped (with its connections) on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private bool _dropped;

    internal PostgresTestDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
    }

    /// <summary>The database name, <c>test_&lt;32 hex&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>An ADO.NET connection string for this database as the superuser.</summary>
    public string ConnectionString => _server.ConnectionString(Name);

    /// <summary>A Vigil store URI for this database: <c>postgresql://postgres@127.0.0.1:PORT/test_…</c>.</summary>
    public string StoreUri => _server.StoreUri(Name);

    /// <summary>Drops the database, terminating any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_dropped)
        {
            _dropped = true;
            await _server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);").ConfigureAwait(false);
        }
    }
}
