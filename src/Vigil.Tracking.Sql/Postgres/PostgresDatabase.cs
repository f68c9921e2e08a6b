using Npgsql;
using Vigil.Tracking.Sql.Migrations;

namespace Vigil.Tracking.Sql.Postgres;

/// <summary>
/// One PostgreSQL database behind a pooled <see cref="NpgsqlDataSource"/>, migrated to the latest schema when opened
/// (see <see cref="PostgresMigrator"/>). Disposing closes the pool.
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    /// <summary>The application name reported to the server when the URI sets none.</summary>
    public const string DefaultApplicationName = "vigil";

    private readonly NpgsqlDataSource _dataSource;
    private volatile bool _disposed;

    private PostgresDatabase(NpgsqlDataSource dataSource, string displayName, IReadOnlyList<PostgresMigration> applied)
    {
        _dataSource = dataSource;
        DisplayName = displayName;
        AppliedOnOpen = applied;
    }

    /// <summary>The printable location, <c>postgresql://user:***@host:port/database</c> (never the password).</summary>
    public string DisplayName { get; }

    /// <summary>The migrations this open applied (empty when the schema was already current).</summary>
    public IReadOnlyList<PostgresMigration> AppliedOnOpen { get; }

    /// <summary>Opens the database named by a <c>postgresql://</c> store URI and applies pending migrations.</summary>
    public static PostgresDatabase Open(string storeUri, TimeProvider time, IReadOnlyList<PostgresMigration>? migrations = null) =>
        Open(PostgresStoreUri.Parse(storeUri), time, migrations);

    /// <summary>Opens the database described by <paramref name="settings"/> (copied, not changed) and applies pending migrations.</summary>
    public static PostgresDatabase Open(NpgsqlConnectionStringBuilder settings, TimeProvider time, IReadOnlyList<PostgresMigration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        var displayName = PostgresStoreUri.Redact(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = dataSource.OpenConnection();
            var applied = new PostgresMigrator(migrations ?? PostgresMigration.LoadEmbedded(), time).Apply(connection, displayName);
            return new PostgresDatabase(dataSource, displayName, applied);
        }
        catch (NpgsqlException e)
        {
            dataSource.Dispose();
            throw new InvalidOperationException($"Could not open the PostgreSQL store {displayName}: {e.Message}", e);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Opens a pooled connection; the caller disposes it.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Opens a pooled connection synchronously; the caller disposes it.</summary>
    public NpgsqlConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _dataSource.OpenConnection();
    }

    /// <summary>Closes the pool; open connections close when their owners dispose them.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _dataSource.Dispose();
        }
    }
}
