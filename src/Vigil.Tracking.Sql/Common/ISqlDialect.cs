namespace Vigil.Tracking.Sql.Common;

/// <summary>
/// The few SQL differences between backends. Everything else the tracking and registry stores emit is shared SQL:
/// <c>@name</c> parameters, <c>INSERT ... ON CONFLICT (...) DO NOTHING / DO UPDATE SET x = excluded.x</c>, <c>RETURNING</c>,
/// <c>LIMIT/OFFSET</c>, integers for booleans.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>A case-sensitive LIKE of <paramref name="column"/> against the parameter <paramref name="parameter"/>.</summary>
    string CaseSensitiveLike(string column, string parameter);

    /// <summary>The parameter value to bind for <see cref="CaseSensitiveLike"/>, from an MLflow LIKE pattern (<c>%</c>, <c>_</c>).</summary>
    string CaseSensitiveLikePattern(string likePattern);

    /// <summary>A case-insensitive LIKE (MLflow ILIKE) of <paramref name="column"/> against the parameter.</summary>
    string CaseInsensitiveLike(string column, string parameter);

    /// <summary>An expression that sorts <paramref name="expression"/> by ordinal (byte) order of its text.</summary>
    string Ordinal(string expression);

    /// <summary>Whether the exception is a unique or primary key violation.</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// How many metric rows one multi-row INSERT carries (5 parameters each). Small on SQLite, where the client binds
    /// named parameters by a linear name lookup; a whole batch on PostgreSQL, where every statement is a network round trip.
    /// </summary>
    int MetricRowsPerStatement { get; }

    /// <summary>Whether the exception is a transient conflict (lock timeout, serialization failure) worth retrying.</summary>
    bool IsTransient(Exception exception);
}
