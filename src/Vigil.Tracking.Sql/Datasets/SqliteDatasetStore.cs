using System.Data;
using Microsoft.Data.Sqlite;
using Vigil.Tracking.Datasets;
using Vigil.Tracking.Sql.Sqlite;

namespace Vigil.Tracking.Sql.Datasets;

/// <summary>
/// <see cref="IDatasetStore"/> on SQLite. Registration runs in a <c>BEGIN IMMEDIATE</c> transaction, so
/// writers from any connection or process are serialized and never share a version number.
/// </summary>
internal sealed class SqliteDatasetStore(SqliteDatabase database, TimeProvider time) : IDatasetStore
{
    private const string Columns =
        "name, version, sha256, row_count, quarantined_row_count, column_count, schema_json, profile_json, source, content_key, target, created_at";

    /// <inheritdoc/>
    public async Task<DatasetRegistration> RegisterAsync(NewDatasetVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        version.ThrowIfInvalid();

        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);

        using (var find = Command(connection, transaction, $"SELECT {Columns} FROM dataset_versions WHERE name = $name AND sha256 = $sha256;"))
        {
            find.Parameters.AddWithValue("$name", version.Name);
            find.Parameters.AddWithValue("$sha256", version.Sha256);
            var existing = (await ReadAllAsync(find, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
            if (existing is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new DatasetRegistration(existing, Reused: true);
            }
        }

        var createdAt = SqliteTime.Truncate(time.GetUtcNow());
        using var insert = Command(connection, transaction, $"""
            INSERT INTO dataset_versions ({Columns})
            SELECT $name, COALESCE(MAX(version), 0) + 1, $sha256, $rowCount, $quarantined, $columnCount,
                   $schemaJson, $profileJson, $source, $contentKey, $target, $createdAt
            FROM dataset_versions WHERE name = $name
            RETURNING version;
            """);
        insert.Parameters.AddWithValue("$name", version.Name);
        insert.Parameters.AddWithValue("$sha256", version.Sha256);
        insert.Parameters.AddWithValue("$rowCount", version.RowCount);
        insert.Parameters.AddWithValue("$quarantined", version.QuarantinedRowCount);
        insert.Parameters.AddWithValue("$columnCount", version.ColumnCount);
        insert.Parameters.AddWithValue("$schemaJson", version.SchemaJson);
        insert.Parameters.AddWithValue("$profileJson", version.ProfileJson);
        insert.Parameters.AddWithValue("$source", version.Source);
        insert.Parameters.AddWithValue("$contentKey", version.ContentKey);
        insert.Parameters.AddWithValue("$target", (object?)version.Target ?? DBNull.Value);
        insert.Parameters.AddWithValue("$createdAt", SqliteTime.ToText(createdAt));
        var number = Convert.ToInt32(
            await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var registered = new DatasetVersion(
            version.Name, number, version.Sha256, version.RowCount, version.QuarantinedRowCount, version.ColumnCount,
            version.SchemaJson, version.ProfileJson, version.Source, version.ContentKey, version.Target, createdAt);
        return new DatasetRegistration(registered, Reused: false);
    }

    /// <inheritdoc/>
    public async Task<DatasetVersion?> GetAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (version is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Dataset versions start at 1.");
        }

        using var connection = database.OpenConnection();
        using var query = Command(connection, null, version is null
            ? $"SELECT {Columns} FROM dataset_versions WHERE name = $name ORDER BY version DESC LIMIT 1;"
            : $"SELECT {Columns} FROM dataset_versions WHERE name = $name AND version = $version;");
        query.Parameters.AddWithValue("$name", name);
        query.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
        return (await ReadAllAsync(query, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DatasetVersion>> ListAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        using var query = Command(connection, null,
            $"SELECT {Columns} FROM dataset_versions WHERE $name IS NULL OR name = $name ORDER BY name, version;");
        query.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        return await ReadAllAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<List<DatasetVersion>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        List<DatasetVersion> rows = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DatasetVersion(
                Name: reader.GetString(0),
                Version: reader.GetInt32(1),
                Sha256: reader.GetString(2),
                RowCount: reader.GetInt64(3),
                QuarantinedRowCount: reader.GetInt64(4),
                ColumnCount: reader.GetInt32(5),
                SchemaJson: reader.GetString(6),
                ProfileJson: reader.GetString(7),
                Source: reader.GetString(8),
                ContentKey: reader.GetString(9),
                Target: reader.IsDBNull(10) ? null : reader.GetString(10),
                CreatedAt: SqliteTime.FromText(reader.GetString(11))));
        }

        return rows;
    }
}
