using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Vigil.Tracking.Sql.Postgres;

namespace Vigil.Tracking.Sql.Common;

/// <summary>
/// The PostgreSQL backend. A write transaction is READ COMMITTED and first takes the transaction-scoped advisory lock
/// <see cref="WriteLockKey"/>, so tracking and registry writers serialize per database across connections, processes and
/// hosts exactly like SQLite's <c>BEGIN IMMEDIATE</c>: the stores' check-then-write steps (run still active? param
/// already logged? name taken? next version number?) see everything the previous writer committed, with no
/// serialization failures to retry. Waiting is bounded by <see cref="LockTimeout"/>; an expiry (55P03), deadlock (40P01)
/// or serialization failure (40001) is transient and retried by <see cref="SqlExecutor"/>. Reads run in REPEATABLE READ
/// (one snapshot) and never wait for writers.
/// </summary>
internal sealed class PostgresBackend(PostgresDatabase database) : ISqlBackend
{
    /// <summary>The advisory lock key that serializes tracking and registry writes: the ASCII bytes of "VigilTrk".</summary>
    public const long WriteLockKey = 0x5669_6769_6C54_726B;

    /// <summary>How long a writer waits for the write lock before the attempt fails as transient.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private static readonly string LockSql =
        $"SET LOCAL lock_timeout = '{(int)LockTimeout.TotalMilliseconds}ms'; SELECT pg_advisory_xact_lock(@key);";

    public ISqlDialect Dialect { get; } = new PostgresDialect();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var transaction = await npgsql.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(LockSql, npgsql, transaction);
            command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Bigint) { Value = WriteLockKey });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
}
