using System.Data.Common;
using System.Text.Json;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Search;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Search;

namespace Vigil.Tracking.Sql.Registry;

/// <summary>Model versions, stages, aliases and the audit log.</summary>
internal sealed partial class SqlModelRegistry
{
    private const int MetricsFormatVersion = 1;

    public Task<ModelVersion> CreateModelVersionAsync(NewModelVersion version, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        TrackingLimits.ValidateName(version.Name, "Registered model name");
        TrackingLimits.ValidateName(version.Source, "Model version source");
        ValidateTags(version.Tags);
        var metricsJson = version.Metrics is null
            ? null
            : JsonSerializer.Serialize(new MetricsSnapshot(MetricsFormatVersion, new SortedDictionary<string, double>(version.Metrics.ToDictionary(), StringComparer.Ordinal)), Json);
        return _sql.WriteAsync(async (c, t) =>
        {
            await RequireModel(c, t, version.Name, cancellationToken).ConfigureAwait(false);
            var number = (int)Convert.ToInt64(await c.ScalarAsync(t,
                "UPDATE registered_models SET next_version = next_version + 1, last_updated_time = @now WHERE name = @name RETURNING next_version - 1;",
                cancellationToken, ("@now", Now()), ("@name", version.Name)).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            var now = Now();
            await c.ExecuteAsync(t, """
                INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage, source, run_id, run_link,
                                            status, status_message, signature_json, metrics_json)
                VALUES (@name, @version, @now, @now, @description, @user, 'None', @source, @run, @link, 'READY', NULL, @signature, @metrics);
                """, cancellationToken, ("@name", version.Name), ("@version", (long)number), ("@now", now), ("@description", version.Description),
                ("@user", (context ?? ChangeContext.Unknown).Actor), ("@source", version.Source), ("@run", version.RunId), ("@link", version.RunLink),
                ("@signature", version.Signature), ("@metrics", metricsJson)).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.CreateVersion, version.Name, number, null, null, version.Source, cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in version.Tags ?? new Dictionary<string, string>())
            {
                await UpsertVersionTag(c, t, version.Name, number, key, value, cancellationToken).ConfigureAwait(false);
                await Audit(c, t, context, RegistryAction.SetVersionTag, version.Name, number, key, null, value, cancellationToken).ConfigureAwait(false);
            }

            return await LoadVersion(c, t, version.Name, number, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        _sql.ReadAsync((c, t) => LoadVersion(c, t, name, version, cancellationToken), cancellationToken);

    public Task<ModelVersion> UpdateModelVersionAsync(
        string name, int version, string? description, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            var before = await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(t, "UPDATE model_versions SET description = @description, last_updated_time = @now WHERE name = @name AND version = @version;",
                cancellationToken, ("@description", description), ("@now", Now()), ("@name", name), ("@version", (long)version)).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.UpdateVersion, name, version, null, before.Description, description, cancellationToken).ConfigureAwait(false);
            return await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task DeleteModelVersionAsync(string name, int version, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            var before = await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
            foreach (var alias in before.Aliases)
            {
                await Audit(c, t, context, RegistryAction.DeleteAlias, name, version, alias, Text(version), null, cancellationToken).ConfigureAwait(false);
            }

            (string, object?)[] key = [("@name", name), ("@version", (long)version)];
            await c.ExecuteAsync(t, "DELETE FROM registered_model_aliases WHERE name = @name AND version = @version;", cancellationToken, key).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM model_version_tags WHERE name = @name AND version = @version;", cancellationToken, key).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM model_versions WHERE name = @name AND version = @version;", cancellationToken, key).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.DeleteVersion, name, version, null, before.Source, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ModelVersion> TransitionModelVersionStageAsync(
        string name, int version, ModelStage stage, bool archiveExistingVersions, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        if (archiveExistingVersions && stage is not (ModelStage.Staging or ModelStage.Production))
        {
            throw TrackingException.Invalid(
                $"archive_existing_versions=true is only allowed when transitioning to Staging or Production; the target stage is {ApiNames.Format(stage)}.");
        }

        return _sql.WriteAsync(async (c, t) =>
        {
            var before = await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
            var now = Now();
            if (archiveExistingVersions)
            {
                var others = await c.QueryAsync(t, "SELECT version FROM model_versions WHERE name = @name AND current_stage = @stage AND version <> @version ORDER BY version;",
                    r => (int)r.Long(0), cancellationToken, ("@name", name), ("@stage", ApiNames.Format(stage)), ("@version", (long)version)).ConfigureAwait(false);
                foreach (var other in others)
                {
                    await SetStage(c, t, name, other, ModelStage.Archived, now, cancellationToken).ConfigureAwait(false);
                    await Audit(c, t, context, RegistryAction.TransitionStage, name, other, null, ApiNames.Format(stage), ApiNames.Format(ModelStage.Archived),
                        cancellationToken).ConfigureAwait(false);
                }
            }

            await SetStage(c, t, name, version, stage, now, cancellationToken).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.TransitionStage, name, version, null, ApiNames.Format(before.CurrentStage), ApiNames.Format(stage),
                cancellationToken).ConfigureAwait(false);
            return await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task SetModelVersionTagAsync(
        string name, int version, string key, string value, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ValidateTags(new Dictionary<string, string> { [key ?? string.Empty] = value });
        return _sql.WriteAsync(async (c, t) =>
        {
            var before = await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
            await UpsertVersionTag(c, t, name, version, key!, value, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.SetVersionTag, name, version, key, before.Tags.GetValueOrDefault(key!), value, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task DeleteModelVersionTagAsync(string name, int version, string key, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            var before = await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
            if (!before.Tags.TryGetValue(key, out var value))
            {
                throw TrackingException.NotFound($"No tag with key '{key}' on model version {name}/{version}.");
            }

            await c.ExecuteAsync(t, "DELETE FROM model_version_tags WHERE name = @name AND version = @version AND key = @key;", cancellationToken,
                ("@name", name), ("@version", (long)version), ("@key", key)).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.DeleteVersionTag, name, version, key, value, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Page<ModelVersion>> SearchModelVersionsAsync(ModelVersionSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        TrackingLimits.ValidateMaxResults(search.MaxResults);
        var compiled = _compiler.Compile(SearchTarget.ModelVersions, search.Filter, search.OrderBy);
        var fingerprint = PageToken.FingerprintOf(["model-versions", search.Filter, .. search.OrderBy ?? []]);
        var offset = PageToken.Decode(search.PageToken, fingerprint);
        var sql = $"SELECT {VersionColumns} FROM model_versions v {compiled.Where()} ORDER BY {compiled.OrderBy} LIMIT @limit OFFSET @offset;";
        return _sql.ReadAsync(async (c, t) => Page(
            await LoadVersions(c, t, sql, [.. compiled.Parameters.Select(p => (p.Name, (object?)p.Value)), ("@limit", search.MaxResults + 1L), ("@offset", offset)],
                cancellationToken).ConfigureAwait(false),
            search.MaxResults, offset, fingerprint), cancellationToken);
    }

    public Task SetAliasAsync(string name, string alias, int version, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ValidateAlias(alias);
        return _sql.WriteAsync(async (c, t) =>
        {
            await LoadVersion(c, t, name, version, cancellationToken).ConfigureAwait(false);
            var before = await c.ScalarAsync(t, "SELECT version FROM registered_model_aliases WHERE name = @name AND alias = @alias;", cancellationToken,
                ("@name", name), ("@alias", alias)).ConfigureAwait(false);
            await c.ExecuteAsync(t, """
                INSERT INTO registered_model_aliases (name, alias, version) VALUES (@name, @alias, @version)
                ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version;
                """, cancellationToken, ("@name", name), ("@alias", alias), ("@version", (long)version)).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.SetAlias, name, version, alias,
                before is null ? null : Convert.ToString(before, System.Globalization.CultureInfo.InvariantCulture), Text(version), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task DeleteAliasAsync(string name, string alias, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            var before = await c.ScalarAsync(t, "SELECT version FROM registered_model_aliases WHERE name = @name AND alias = @alias;", cancellationToken,
                ("@name", name), ("@alias", alias)).ConfigureAwait(false)
                ?? throw TrackingException.NotFound($"Registered model alias {alias} not found on model '{name}'.");
            var version = (int)Convert.ToInt64(before, System.Globalization.CultureInfo.InvariantCulture);
            await c.ExecuteAsync(t, "DELETE FROM registered_model_aliases WHERE name = @name AND alias = @alias;", cancellationToken,
                ("@name", name), ("@alias", alias)).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.DeleteAlias, name, version, alias, Text(version), null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default) =>
        _sql.ReadAsync(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            var version = await c.ScalarAsync(t, "SELECT version FROM registered_model_aliases WHERE name = @name AND alias = @alias;", cancellationToken,
                ("@name", name), ("@alias", alias)).ConfigureAwait(false)
                ?? throw TrackingException.NotFound($"Registered model alias {alias} not found on model '{name}'.");
            return await LoadVersion(c, t, name, (int)Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Page<RegistryAuditEntry>> GetAuditLogAsync(RegistryAuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        TrackingLimits.ValidateMaxResults(query.MaxResults);
        var fingerprint = PageToken.FingerprintOf("audit", query.ModelName);
        var offset = PageToken.Decode(query.PageToken, fingerprint);
        var where = query.ModelName is null ? string.Empty : "WHERE model_name = @model";
        return _sql.ReadAsync(async (c, t) => Page(await c.QueryAsync(t, $"""
            SELECT sequence, timestamp, actor, action, model_name, version, key, from_value, to_value, reason FROM registry_audit {where}
            ORDER BY sequence LIMIT @limit OFFSET @offset;
            """, r => new RegistryAuditEntry(r.Long(0), r.Long(1), r.GetString(2), Enum.Parse<RegistryAction>(r.GetString(3)), r.GetString(4),
                r.NullableLong(5) is { } v ? (int)v : null, r.NullableString(6), r.NullableString(7), r.NullableString(8), r.NullableString(9)),
            cancellationToken, ("@model", query.ModelName), ("@limit", query.MaxResults + 1L), ("@offset", offset)).ConfigureAwait(false),
            query.MaxResults, offset, fingerprint), cancellationToken);
    }

    private static void ValidateAlias(string alias)
    {
        TrackingLimits.ValidateName(alias, "Alias");
        if (alias.Length > 255 || !alias.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
        {
            throw TrackingException.Invalid($"Invalid alias '{alias}': use up to 255 letters, digits, '_' or '-'.");
        }

        if (alias.Equals("latest", StringComparison.OrdinalIgnoreCase)
            || (alias.Length > 1 && alias[0] is 'v' or 'V' && alias[1..].All(char.IsAsciiDigit)))
        {
            throw TrackingException.Invalid($"Invalid alias '{alias}': 'latest' and version-like names such as 'v3' are reserved.");
        }
    }

    private Task SetStage(DbConnection c, DbTransaction t, string name, int version, ModelStage stage, long now, CancellationToken ct) =>
        c.ExecuteAsync(t, "UPDATE model_versions SET current_stage = @stage, last_updated_time = @now WHERE name = @name AND version = @version;", ct,
            ("@stage", ApiNames.Format(stage)), ("@now", now), ("@name", name), ("@version", (long)version));

    private static Task UpsertVersionTag(DbConnection c, DbTransaction t, string name, int version, string key, string value, CancellationToken ct) =>
        c.ExecuteAsync(t, """
            INSERT INTO model_version_tags (name, version, key, value) VALUES (@name, @version, @key, @value)
            ON CONFLICT (name, version, key) DO UPDATE SET value = excluded.value;
            """, ct, ("@name", name), ("@version", (long)version), ("@key", key), ("@value", value));

    private static async Task<ModelVersion> LoadVersion(DbConnection c, DbTransaction t, string name, int version, CancellationToken ct) =>
        (await LoadVersions(c, t, $"SELECT {VersionColumns} FROM model_versions v WHERE v.name = @name AND v.version = @version;",
            [("@name", name), ("@version", (long)version)], ct).ConfigureAwait(false)).SingleOrDefault()
        ?? throw TrackingException.NotFound($"Model version (name={name}, version={version}) not found.");

    private static async Task<List<ModelVersion>> LoadVersions(DbConnection c, DbTransaction t, string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, sql, r => (
            Name: r.GetString(0), Version: (int)r.Long(1), Created: r.Long(2), Updated: r.Long(3), Description: r.NullableString(4), User: r.NullableString(5),
            Stage: r.GetString(6), Source: r.GetString(7), Run: r.NullableString(8), Link: r.NullableString(9), Status: r.GetString(10),
            Message: r.NullableString(11), Signature: r.NullableString(12), Metrics: r.NullableString(13)), ct, parameters).ConfigureAwait(false);
        List<ModelVersion> versions = [];
        foreach (var row in rows)
        {
            (string, object?)[] key = [("@name", row.Name), ("@version", (long)row.Version)];
            var tags = await c.QueryAsync(t, "SELECT key, value FROM model_version_tags WHERE name = @name AND version = @version;",
                r => (r.GetString(0), r.GetString(1)), ct, key).ConfigureAwait(false);
            var aliases = await c.QueryAsync(t, "SELECT alias FROM registered_model_aliases WHERE name = @name AND version = @version;",
                r => r.GetString(0), ct, key).ConfigureAwait(false);
            versions.Add(new ModelVersion(row.Name, row.Version, row.Created, row.Updated, row.Description, row.User, ApiNames.ParseModelStage(row.Stage),
                row.Source, row.Run, row.Link, ApiNames.ParseModelVersionStatus(row.Status), row.Message, Sorted(tags),
                aliases.Order(StringComparer.Ordinal).ToList(), row.Signature,
                row.Metrics is null ? null : JsonSerializer.Deserialize<MetricsSnapshot>(row.Metrics, Json)!.Metrics));
        }

        return versions;
    }

    /// <summary>The stored form of a version's metrics snapshot, versioned per the storage version rule.</summary>
    private sealed record MetricsSnapshot(int FormatVersion, SortedDictionary<string, double> Metrics);
}
