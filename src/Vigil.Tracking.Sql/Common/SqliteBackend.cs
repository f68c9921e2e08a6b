using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Tracking.Sql.Sqlite;

namespace Vigil.Tracking.Sql.Common;

/// <summary>The SQLite backend: connections from <see cref="SqliteDatabase"/>, <c>BEGIN IMMEDIATE</c> for writes, deferred snapshots for reads.</summary>
internal sealed class SqliteBackend(SqliteDatabase database) : ISqlBackend
{
    public ISqlDialect Dialect { get; } = new SqliteDialect();

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(database.OpenConnection());

    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    public Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true));
}
