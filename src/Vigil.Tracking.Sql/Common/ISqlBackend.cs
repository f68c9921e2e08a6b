using System.Data.Common;

namespace Vigil.Tracking.Sql.Common;

/// <summary>How a SQL store opens connections and transactions on one backend; the stores above it are backend-neutral.</summary>
internal interface ISqlBackend
{
    /// <summary>The backend's SQL differences.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Opens a configured connection.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a write transaction that holds the write lock from its first statement (SQLite <c>BEGIN IMMEDIATE</c>).</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a read transaction that sees one consistent snapshot.</summary>
    Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);
}
