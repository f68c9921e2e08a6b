using Microsoft.Data.Sqlite;
using Vigil.Tracking.Sql.Migrations;

namespace Vigil.Tracking.Sql.Sqlite;

/// <summary>
/// One SQLite database file: WAL journal, <c>synchronous=NORMAL</c>, foreign keys on and a 5 s busy
/// timeout on every connection, migrated to the latest schema when opened.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    /// <summary>How long a connection waits for another writer's lock before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private volatile bool _disposed;

    private SqliteDatabase(string path, string connectionString, IReadOnlyList<SqliteMigration> applied)
    {
        Path = path;
        _connectionString = connectionString;
        AppliedOnOpen = applied;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The migrations this open applied (empty when the schema was already current).</summary>
    public IReadOnlyList<SqliteMigration> AppliedOnOpen { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies pending migrations.</summary>
    public static SqliteDatabase Open(string path, TimeProvider time, IReadOnlyList<SqliteMigration>? migrations = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        var connectionString = BuildConnectionString(fullPath);
        try
        {
            using var connection = OpenConfigured(connectionString);
            using (var wal = connection.CreateCommand())
            {
                // Persistent in the file; a no-op once set. Not a connection-string keyword in Microsoft.Data.Sqlite.
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                wal.ExecuteNonQuery();
            }

            var applied = new SqliteMigrator(migrations ?? SqliteMigration.LoadEmbedded(), time).Apply(connection, fullPath);
            return new SqliteDatabase(fullPath, connectionString, applied);
        }
        catch
        {
            ClearPool(connectionString);
            throw;
        }
    }

    /// <summary>Opens a configured connection; the caller disposes it.</summary>
    public SqliteConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return OpenConfigured(_connectionString);
    }

    /// <summary>Releases pooled connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ClearPool(_connectionString);
        }
    }

    private static string BuildConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        ForeignKeys = true,
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        Pooling = true,
    }.ToString();

    private static SqliteConnection OpenConfigured(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
