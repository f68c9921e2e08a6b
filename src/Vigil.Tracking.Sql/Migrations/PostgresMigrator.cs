using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Vigil.Tracking.Sql.Migrations;

/// <summary>
/// Applies pending numbered migrations to a PostgreSQL database in one transaction, recording each in
/// <c>schema_migrations</c>. The transaction first takes a transaction-scoped advisory lock
/// (<see cref="LockKey"/>), so processes migrating the same database at once run one after the other and the later
/// ones find nothing to do; refuses a database whose schema is newer than the code knows.
/// </summary>
internal sealed class PostgresMigrator
{
    /// <summary>The advisory lock key that serializes migrations per database: the ASCII bytes of "VigilMig".</summary>
    public const long LockKey = 0x5669_6769_6C4D_6967;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    private readonly IReadOnlyList<PostgresMigration> _migrations;
    private readonly TimeProvider _time;

    /// <summary>Creates a runner for the given migrations, stamping <c>applied_at</c> from <paramref name="time"/>.</summary>
    public PostgresMigrator(IReadOnlyList<PostgresMigration> migrations, TimeProvider time)
    {
        _migrations = PostgresMigration.Sequence(migrations);
        _time = time;
    }

    /// <summary>The schema version the code knows: the highest migration number.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Applies every migration above the database's current version and returns those applied.</summary>
    public IReadOnlyList<PostgresMigration> Apply(NpgsqlConnection connection, string databaseName)
    {
        // READ COMMITTED on purpose: each statement after the lock sees what the previous holder committed.
        // (REPEATABLE READ would keep the snapshot taken before the wait.)
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Bigint) { Value = LockKey });
            lockCommand.ExecuteNonQuery();
        }

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
            using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt);", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Integer) { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter("appliedAt", NpgsqlDbType.TimestampTz) { Value = StoreTime.Truncate(_time.GetUtcNow()) });
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return pending;
    }

    /// <summary>The highest applied version recorded in <c>schema_migrations</c>, 0 when none.</summary>
    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
