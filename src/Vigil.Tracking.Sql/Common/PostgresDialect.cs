using Npgsql;

namespace Vigil.Tracking.Sql.Common;

/// <summary>
/// PostgreSQL: <c>LIKE</c> is case-sensitive and <c>ILIKE</c> case-insensitive natively; both get <c>ESCAPE ''</c> so a
/// backslash in an MLflow pattern is a literal character, as it is in SQLite. Text columns are <c>COLLATE "C"</c> (byte
/// order); <see cref="Ordinal"/> forces it for computed expressions too.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    /// <summary>SQLSTATE 23505 unique_violation.</summary>
    public const string UniqueViolation = "23505";

    /// <summary>SQLSTATE 40001 serialization_failure.</summary>
    public const string SerializationFailure = "40001";

    /// <summary>SQLSTATE 40P01 deadlock_detected.</summary>
    public const string DeadlockDetected = "40P01";

    /// <summary>SQLSTATE 55P03 lock_not_available (lock_timeout expired).</summary>
    public const string LockNotAvailable = "55P03";

    public string CaseSensitiveLike(string column, string parameter) => $"{column} LIKE {parameter} ESCAPE ''";

    public string CaseSensitiveLikePattern(string likePattern) => likePattern;

    public string CaseInsensitiveLike(string column, string parameter) => $"{column} ILIKE {parameter} ESCAPE ''";

    public string Ordinal(string expression) => $"({expression}) COLLATE \"C\"";

    public int MetricRowsPerStatement => Vigil.Tracking.TrackingLimits.MaxMetricsPerBatch;

    public bool IsUniqueViolation(Exception exception) => SqlState(exception) == UniqueViolation;

    public bool IsTransient(Exception exception) => SqlState(exception) is SerializationFailure or DeadlockDetected or LockNotAvailable;

    private static string? SqlState(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException postgres)
            {
                return postgres.SqlState;
            }
        }

        return null;
    }
}
