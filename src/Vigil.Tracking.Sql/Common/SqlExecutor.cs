using System.Data.Common;
using System.Globalization;

namespace Vigil.Tracking.Sql.Common;

/// <summary>Runs units of work in transactions on an <see cref="ISqlBackend"/>, retrying transient lock conflicts.</summary>
internal sealed class SqlExecutor(ISqlBackend backend)
{
    private const int Attempts = 5;

    public ISqlDialect Dialect => backend.Dialect;

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits; any exception rolls everything back.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await backend.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await backend.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception e) when (attempt < Attempts && backend.Dialect.IsTransient(e))
            {
                // The busy timeout already waited; another writer held the lock for longer. Try again.
            }
        }
    }

    /// <summary>Runs a write without a result.</summary>
    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) =>
        {
            await work(c, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a read transaction (one consistent snapshot).</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await backend.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}

/// <summary>Small ADO.NET helpers shared by the SQL stores.</summary>
internal static class Db
{
    public static DbCommand Command(this DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Add(name, value);
        }

        return command;
    }

    public static DbCommand Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static void Set(this DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(this DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static async Task<List<T>> QueryAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken ct)
    {
        List<T> rows = [];
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection, DbTransaction transaction, string sql, Func<DbDataReader, T> map, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.QueryAsync(map, ct).ConfigureAwait(false);
    }

    public static long Long(this DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long? NullableLong(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Long(ordinal);

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string Id(this DbDataReader reader, int ordinal) => reader.Long(ordinal).ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds "(@prefix0, @prefix1, ...)" and adds the values as parameters.</summary>
    public static string InList(this DbCommand command, string prefix, IEnumerable<object> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"@{prefix}{names.Count}";
            command.Add(name, value);
            names.Add(name);
        }

        return "(" + string.Join(", ", names) + ")";
    }
}
