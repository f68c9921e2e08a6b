using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Search;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Search;

namespace Vigil.Tracking.Sql.Registry;

/// <summary>
/// <see cref="IModelRegistry"/> over backend-neutral SQL: each change and its audit rows commit in one transaction.
/// Version numbers come from <c>registered_models.next_version</c>, so they are never reused.
/// </summary>
internal sealed partial class SqlModelRegistry(ISqlBackend backend, TimeProvider time) : IModelRegistry
{
    private const string VersionColumns =
        "v.name, v.version, v.creation_time, v.last_updated_time, v.description, v.user_id, v.current_stage, v.source, v.run_id, v.run_link, " +
        "v.status, v.status_message, v.signature_json, v.metrics_json";

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly SqlExecutor _sql = new(backend);
    private readonly SearchSqlCompiler _compiler = new(backend.Dialect);

    public Task<RegisteredModel> CreateRegisteredModelAsync(
        string name, string? description = null, IReadOnlyDictionary<string, string>? tags = null, ChangeContext? context = null,
        CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateName(name, "Registered model name");
        ValidateTags(tags);
        return _sql.WriteAsync(async (c, t) =>
        {
            if (await c.ScalarAsync(t, "SELECT 1 FROM registered_models WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false) is not null)
            {
                throw TrackingException.AlreadyExists($"Registered model (name={name}) already exists.");
            }

            var now = Now();
            await c.ExecuteAsync(t, """
                INSERT INTO registered_models (name, creation_time, last_updated_time, description, next_version) VALUES (@name, @now, @now, @description, 1);
                """, cancellationToken, ("@name", name), ("@now", now), ("@description", description)).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.CreateModel, name, null, null, null, description, cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            {
                await UpsertModelTag(c, t, name, key, value, cancellationToken).ConfigureAwait(false);
                await Audit(c, t, context, RegistryAction.SetModelTag, name, null, key, null, value, cancellationToken).ConfigureAwait(false);
            }

            return await LoadModel(c, t, name, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken cancellationToken = default) =>
        _sql.ReadAsync((c, t) => LoadModel(c, t, name, cancellationToken), cancellationToken);

    public Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateName(newName, "Registered model name");
        return _sql.WriteAsync(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            if (newName != name && await c.ScalarAsync(t, "SELECT 1 FROM registered_models WHERE name = @name;", cancellationToken, ("@name", newName)).ConfigureAwait(false) is not null)
            {
                throw TrackingException.AlreadyExists($"Registered model (name={newName}) already exists.");
            }

            await c.ExecuteAsync(t, "UPDATE registered_models SET name = @new, last_updated_time = @now WHERE name = @name;", cancellationToken,
                ("@new", newName), ("@now", Now()), ("@name", name)).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.RenameModel, newName, null, null, name, newName, cancellationToken).ConfigureAwait(false);
            return await LoadModel(c, t, newName, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            var before = await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(t, "UPDATE registered_models SET description = @description, last_updated_time = @now WHERE name = @name;", cancellationToken,
                ("@description", description), ("@now", Now()), ("@name", name)).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.UpdateModel, name, null, null, before, description, cancellationToken).ConfigureAwait(false);
            return await LoadModel(c, t, name, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task DeleteRegisteredModelAsync(string name, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM registered_model_aliases WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM model_version_tags WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM model_versions WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM registered_model_tags WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await c.ExecuteAsync(t, "DELETE FROM registered_models WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.DeleteModel, name, null, null, name, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(RegisteredModelSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        TrackingLimits.ValidateMaxResults(search.MaxResults);
        var compiled = _compiler.Compile(SearchTarget.RegisteredModels, search.Filter, search.OrderBy);
        var fingerprint = PageToken.FingerprintOf(["registered-models", search.Filter, .. search.OrderBy ?? []]);
        var offset = PageToken.Decode(search.PageToken, fingerprint);
        var sql = $"SELECT m.name FROM registered_models m {compiled.Where()} ORDER BY {compiled.OrderBy} LIMIT @limit OFFSET @offset;";
        return _sql.ReadAsync(async (c, t) =>
        {
            var names = await c.QueryAsync(t, sql, r => r.GetString(0), cancellationToken,
                [.. compiled.Parameters.Select(p => (p.Name, (object?)p.Value)), ("@limit", search.MaxResults + 1L), ("@offset", offset)]).ConfigureAwait(false);
            List<RegisteredModel> models = [];
            foreach (var name in names)
            {
                models.Add(await LoadModel(c, t, name, cancellationToken).ConfigureAwait(false));
            }

            return Page(models, search.MaxResults, offset, fingerprint);
        }, cancellationToken);
    }

    public Task SetRegisteredModelTagAsync(string name, string key, string value, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ValidateTags(new Dictionary<string, string> { [key ?? string.Empty] = value });
        return _sql.WriteAsync(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            var before = (string?)await c.ScalarAsync(t, "SELECT value FROM registered_model_tags WHERE name = @name AND key = @key;", cancellationToken,
                ("@name", name), ("@key", key)).ConfigureAwait(false);
            await UpsertModelTag(c, t, name, key!, value, cancellationToken).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.SetModelTag, name, null, key, before, value, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task DeleteRegisteredModelTagAsync(string name, string key, ChangeContext? context = null, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            var before = (string?)await c.ScalarAsync(t, "SELECT value FROM registered_model_tags WHERE name = @name AND key = @key;", cancellationToken,
                ("@name", name), ("@key", key)).ConfigureAwait(false)
                ?? throw TrackingException.NotFound($"No tag with key '{key}' on registered model '{name}'.");
            await c.ExecuteAsync(t, "DELETE FROM registered_model_tags WHERE name = @name AND key = @key;", cancellationToken, ("@name", name), ("@key", key)).ConfigureAwait(false);
            await TouchModel(c, t, name, cancellationToken).ConfigureAwait(false);
            await Audit(c, t, context, RegistryAction.DeleteModelTag, name, null, key, before, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(
        string name, IReadOnlyList<ModelStage>? stages = null, CancellationToken cancellationToken = default) =>
        _sql.ReadAsync<IReadOnlyList<ModelVersion>>(async (c, t) =>
        {
            await RequireModel(c, t, name, cancellationToken).ConfigureAwait(false);
            var latest = await LatestVersions(c, t, name, cancellationToken).ConfigureAwait(false);
            return stages is null || stages.Count == 0 ? latest : latest.Where(v => stages.Contains(v.CurrentStage)).ToList();
        }, cancellationToken);

    private static async Task<List<ModelVersion>> LatestVersions(DbConnection c, DbTransaction t, string name, CancellationToken ct)
    {
        var versions = await LoadVersions(c, t, $"""
            SELECT {VersionColumns} FROM model_versions v
            WHERE v.name = @name AND v.version = (SELECT MAX(w.version) FROM model_versions w WHERE w.name = v.name AND w.current_stage = v.current_stage)
            ORDER BY v.version;
            """, [("@name", name)], ct).ConfigureAwait(false);
        return versions;
    }

    private static async Task<string?> RequireModel(DbConnection c, DbTransaction t, string name, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, "SELECT description FROM registered_models WHERE name = @name;", r => r.NullableString(0), ct, ("@name", name)).ConfigureAwait(false);
        return rows.Count == 1 ? rows[0] : throw TrackingException.NotFound($"Registered model with name={name} not found.");
    }

    private static async Task<RegisteredModel> LoadModel(DbConnection c, DbTransaction t, string name, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, "SELECT name, creation_time, last_updated_time, description FROM registered_models WHERE name = @name;",
            r => (Name: r.GetString(0), Created: r.Long(1), Updated: r.Long(2), Description: r.NullableString(3)), ct, ("@name", name)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            throw TrackingException.NotFound($"Registered model with name={name} not found.");
        }

        var tags = await c.QueryAsync(t, "SELECT key, value FROM registered_model_tags WHERE name = @name;", r => (r.GetString(0), r.GetString(1)), ct,
            ("@name", name)).ConfigureAwait(false);
        var aliases = await c.QueryAsync(t, "SELECT alias, version FROM registered_model_aliases WHERE name = @name;",
            r => new ModelAlias(r.GetString(0), (int)r.Long(1)), ct, ("@name", name)).ConfigureAwait(false);
        var row = rows[0];
        return new RegisteredModel(row.Name, row.Created, row.Updated, row.Description, Sorted(tags),
            aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).ToList(), await LatestVersions(c, t, name, ct).ConfigureAwait(false));
    }

    private static Task UpsertModelTag(DbConnection c, DbTransaction t, string name, string key, string value, CancellationToken ct) =>
        c.ExecuteAsync(t, """
            INSERT INTO registered_model_tags (name, key, value) VALUES (@name, @key, @value) ON CONFLICT (name, key) DO UPDATE SET value = excluded.value;
            """, ct, ("@name", name), ("@key", key), ("@value", value));

    private Task TouchModel(DbConnection c, DbTransaction t, string name, CancellationToken ct) =>
        c.ExecuteAsync(t, "UPDATE registered_models SET last_updated_time = @now WHERE name = @name;", ct, ("@now", Now()), ("@name", name));

    private Task Audit(
        DbConnection c, DbTransaction t, ChangeContext? context, RegistryAction action, string model, int? version, string? key, string? from, string? to,
        CancellationToken ct)
    {
        context ??= ChangeContext.Unknown;
        return c.ExecuteAsync(t, """
            INSERT INTO registry_audit (timestamp, actor, action, model_name, version, key, from_value, to_value, reason)
            VALUES (@ts, @actor, @action, @model, @version, @key, @from, @to, @reason);
            """, ct, ("@ts", Now()), ("@actor", context.Actor), ("@action", action.ToString()), ("@model", model), ("@version", (long?)version),
            ("@key", key), ("@from", from), ("@to", to), ("@reason", context.Reason));
    }

    private static Page<T> Page<T>(List<T> rows, int maxResults, long offset, string fingerprint) =>
        rows.Count > maxResults
            ? new Page<T>(rows.Take(maxResults).ToList(), PageToken.Encode(offset + maxResults, fingerprint))
            : new Page<T>(rows, null);

    private static SortedDictionary<string, string> Sorted(IEnumerable<(string Key, string Value)> pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    private static void ValidateTags(IReadOnlyDictionary<string, string>? tags)
    {
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            TrackingLimits.ValidateKey(key, "Tag");
            TrackingLimits.ValidateValue(value, TrackingLimits.MaxTagValueLength, $"Tag '{key}' value");
        }
    }

    private long Now() => TrackingTime.NowMilliseconds(time);

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);
}
