using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Tracking.Sql.Sqlite;

namespace Vigil.Tracking.Sql.Migrations;

/// <summary>
/// Applies pending numbered migrations in one <c>BEGIN IMMEDIATE</c> transaction, recording each in
/// <c>schema_migrations</c>; refuses a database whose schema is newer than the code knows.
/// </summary>
internal sealed class SqliteMigrator
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    private readonly IReadOnlyList<SqliteMigration> _migrations;
    private readonly TimeProvider _time;

    /// <summary>Creates a runner for the given migrations, stamping <c>applied_at</c> from <paramref name="time"/>.</summary>
    public SqliteMigrator(IReadOnlyList<SqliteMigration> migrations, TimeProvider time)
    {
        _migrations = SqliteMigration.Sequence(migrations);
        _time = time;
    }

    /// <summary>The schema version the code knows: the highest migration number.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Applies every migration above the database's current version and returns those applied.</summary>
    public IReadOnlyList<SqliteMigration> Apply(SqliteConnection connection, string databaseName)
    {
        // BEGIN IMMEDIATE: concurrent openers serialize here, and the second sees the first's work.
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        Execute(connection, transaction, CreateTable);
        var current = CurrentVersion(connection, transaction);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The store database '{databaseName}' has schema version {current}, but this build of Vigil knows only up to " +
                $"version {LatestVersion}. It was written by a newer Vigil; upgrade Vigil to open it.");
        }

        var pending = _migrations.Where(m => m.Version > current).ToList();
        foreach (var migration in pending)
        {
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $appliedAt);";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$appliedAt", SqliteTime.ToText(_time.GetUtcNow()));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return pending;
    }

    /// <summary>The highest applied version recorded in <c>schema_migrations</c>, 0 when none.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
