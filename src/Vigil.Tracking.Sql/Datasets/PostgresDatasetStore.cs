using System.Buffers.Binary;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Vigil.Tracking.Datasets;
using Vigil.Tracking.Sql.Postgres;

namespace Vigil.Tracking.Sql.Datasets;

/// <summary>
/// <see cref="IDatasetStore"/> on PostgreSQL. Registration takes a transaction-scoped advisory lock on the dataset name
/// first, so writers from any connection or process are serialized per name and never share a version number; the
/// unique constraints back this up.
/// </summary>
internal sealed class PostgresDatasetStore(PostgresDatabase database, TimeProvider time) : IDatasetStore
{
    /// <summary>The first key of the two-key advisory lock taken per dataset name (the second is a hash of the name).</summary>
    public const int NameLockClass = 0x56_44_53_31; // "VDS1"

    private const string Columns =
        "name, version, sha256, row_count, quarantined_row_count, column_count, schema_json, profile_json, source, content_key, target, created_at";

    /// <inheritdoc/>
    public async Task<DatasetRegistration> RegisterAsync(NewDatasetVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        version.ThrowIfInvalid();

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        await using (var lockName = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, @key);", connection, transaction))
        {
            Add(lockName, "class", NpgsqlDbType.Integer, NameLockClass);
            Add(lockName, "key", NpgsqlDbType.Integer, NameLockKey(version.Name));
            await lockName.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var find = new NpgsqlCommand($"SELECT {Columns} FROM dataset_versions WHERE name = @name AND sha256 = @sha256;", connection, transaction))
        {
            Add(find, "name", NpgsqlDbType.Text, version.Name);
            Add(find, "sha256", NpgsqlDbType.Text, version.Sha256);
            var existing = (await ReadAllAsync(find, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
            if (existing is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new DatasetRegistration(existing, Reused: true);
            }
        }

        var createdAt = StoreTime.Truncate(time.GetUtcNow());
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO dataset_versions ({Columns})
            SELECT @name, COALESCE(MAX(version), 0) + 1, @sha256, @rowCount, @quarantined, @columnCount,
                   @schemaJson, @profileJson, @source, @contentKey, @target, @createdAt
            FROM dataset_versions WHERE name = @name
            RETURNING version;
            """, connection, transaction);
        Add(insert, "name", NpgsqlDbType.Text, version.Name);
        Add(insert, "sha256", NpgsqlDbType.Text, version.Sha256);
        Add(insert, "rowCount", NpgsqlDbType.Bigint, version.RowCount);
        Add(insert, "quarantined", NpgsqlDbType.Bigint, version.QuarantinedRowCount);
        Add(insert, "columnCount", NpgsqlDbType.Integer, version.ColumnCount);
        Add(insert, "schemaJson", NpgsqlDbType.Text, version.SchemaJson);
        Add(insert, "profileJson", NpgsqlDbType.Text, version.ProfileJson);
        Add(insert, "source", NpgsqlDbType.Text, version.Source);
        Add(insert, "contentKey", NpgsqlDbType.Text, version.ContentKey);
        Add(insert, "target", NpgsqlDbType.Text, version.Target);
        Add(insert, "createdAt", NpgsqlDbType.TimestampTz, createdAt);
        var number = (int)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
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

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = new NpgsqlCommand(version is null
            ? $"SELECT {Columns} FROM dataset_versions WHERE name = @name ORDER BY version DESC LIMIT 1;"
            : $"SELECT {Columns} FROM dataset_versions WHERE name = @name AND version = @version;", connection);
        Add(query, "name", NpgsqlDbType.Text, name);
        Add(query, "version", NpgsqlDbType.Integer, version);
        return (await ReadAllAsync(query, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DatasetVersion>> ListAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = new NpgsqlCommand(
            $"SELECT {Columns} FROM dataset_versions WHERE @name IS NULL OR name = @name ORDER BY name, version;", connection);
        Add(query, "name", NpgsqlDbType.Text, name);
        return await ReadAllAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The second advisory-lock key for a dataset name: the first 4 bytes of its UTF-8 SHA-256 (stable across processes).</summary>
    internal static int NameLockKey(string name) =>
        BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static void Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    private static async Task<List<DatasetVersion>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                CreatedAt: reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return rows;
    }
}
