using System.Data.Common;
using System.Globalization;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Search;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Search;

namespace Vigil.Tracking.Sql.Tracking;

/// <summary>
/// <see cref="ITrackingStore"/> over backend-neutral SQL (<see cref="ISqlBackend"/>): every write is one transaction that
/// takes the write lock up front, validates, and writes; single-item logging goes through the batch primitive.
/// </summary>
internal sealed partial class SqlTrackingStore : ITrackingStore
{
    private const string ExperimentColumns = "e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, e.last_update_time";

    private readonly SqlExecutor _sql;
    private readonly TimeProvider _time;
    private readonly string _defaultArtifactRoot;
    private readonly SearchSqlCompiler _compiler;

    public SqlTrackingStore(ISqlBackend backend, TimeProvider time, string defaultArtifactRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultArtifactRoot);
        _sql = new SqlExecutor(backend);
        _time = time;
        _defaultArtifactRoot = defaultArtifactRoot;
        _compiler = new SearchSqlCompiler(backend.Dialect);
    }

    /// <summary>Creates experiment 0, <c>Default</c>, when absent.</summary>
    public Task EnsureDefaultExperimentAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        return _sql.WriteAsync((c, t) => c.ExecuteAsync(t, """
            INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
            VALUES (0, @name, @location, 'active', @now, @now) ON CONFLICT DO NOTHING;
            """, cancellationToken, ("@name", Experiment.DefaultName), ("@location", Location(Experiment.DefaultId)), ("@now", now)), cancellationToken);
    }

    public async Task<string> CreateExperimentAsync(
        string name, string? artifactLocation = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateName(name, "Experiment name");
        ValidateTags(tags);
        var now = Now();
        return await _sql.WriteAsync(async (c, t) =>
        {
            var existing = await c.ScalarAsync(t, "SELECT lifecycle_stage FROM experiments WHERE name = @name;", cancellationToken, ("@name", name)).ConfigureAwait(false);
            if (existing is not null)
            {
                throw TrackingException.AlreadyExists(
                    $"Experiment '{name}' already exists{((string)existing == "deleted" ? " in the deleted state; restore or rename it" : string.Empty)}.");
            }

            var id = Convert.ToInt64(await c.ScalarAsync(t, """
                INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
                VALUES (@name, '', 'active', @now, @now) RETURNING experiment_id;
                """, cancellationToken, ("@name", name), ("@now", now)).ConfigureAwait(false), CultureInfo.InvariantCulture);
            var idText = id.ToString(CultureInfo.InvariantCulture);
            await c.ExecuteAsync(t, "UPDATE experiments SET artifact_location = @location WHERE experiment_id = @id;", cancellationToken,
                ("@location", string.IsNullOrWhiteSpace(artifactLocation) ? Location(idText) : artifactLocation), ("@id", id)).ConfigureAwait(false);
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            {
                await UpsertExperimentTag(c, t, id, key, value, cancellationToken).ConfigureAwait(false);
            }

            return idText;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        var id = ExperimentKey(experimentId);
        return _sql.ReadAsync(async (c, t) =>
            (await LoadExperiments(c, t, $"SELECT {ExperimentColumns} FROM experiments e WHERE e.experiment_id = @id;", [("@id", id)], cancellationToken).ConfigureAwait(false))
            .SingleOrDefault() ?? throw ExperimentNotFound(experimentId), cancellationToken);
    }

    public Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _sql.ReadAsync(async (c, t) =>
            (await LoadExperiments(c, t, $"SELECT {ExperimentColumns} FROM experiments e WHERE e.name = @name;", [("@name", name)], cancellationToken).ConfigureAwait(false))
            .SingleOrDefault() ?? throw TrackingException.NotFound($"Experiment with name '{name}' does not exist."), cancellationToken);
    }

    public Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        TrackingLimits.ValidateMaxResults(search.MaxResults);
        var compiled = _compiler.Compile(SearchTarget.Experiments, search.Filter, search.OrderBy);
        var fingerprint = PageToken.FingerprintOf(["experiments", search.Filter, ApiNames.Format(search.ViewType), .. search.OrderBy ?? []]);
        var offset = PageToken.Decode(search.PageToken, fingerprint);
        var sql = $"SELECT {ExperimentColumns} FROM experiments e {compiled.Where(ViewCondition("e", search.ViewType))} " +
                  $"ORDER BY {compiled.OrderBy} LIMIT @limit OFFSET @offset;";
        (string, object?)[] parameters = [.. compiled.Parameters.Select(p => (p.Name, (object?)p.Value)), ("@limit", search.MaxResults + 1L), ("@offset", offset)];
        return _sql.ReadAsync(async (c, t) =>
            ToPage(await LoadExperiments(c, t, sql, parameters, cancellationToken).ConfigureAwait(false), search.MaxResults, offset, fingerprint),
            cancellationToken);
    }

    public Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken = default)
    {
        var id = ExperimentKey(experimentId);
        TrackingLimits.ValidateName(newName, "Experiment name");
        return _sql.WriteAsync(async (c, t) =>
        {
            var stage = await ExperimentStage(c, t, id, experimentId, cancellationToken).ConfigureAwait(false);
            if (stage != "active")
            {
                throw TrackingException.InvalidState($"Cannot rename experiment '{experimentId}': it is deleted.");
            }

            var owner = await c.ScalarAsync(t, "SELECT experiment_id FROM experiments WHERE name = @name;", cancellationToken, ("@name", newName)).ConfigureAwait(false);
            if (owner is not null && Convert.ToInt64(owner, CultureInfo.InvariantCulture) != id)
            {
                throw TrackingException.AlreadyExists($"Experiment '{newName}' already exists.");
            }

            await c.ExecuteAsync(t, "UPDATE experiments SET name = @name, last_update_time = @now WHERE experiment_id = @id;", cancellationToken,
                ("@name", newName), ("@now", Now()), ("@id", id)).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        SetExperimentStage(experimentId, from: "active", to: "deleted", cancellationToken);

    public Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        SetExperimentStage(experimentId, from: "deleted", to: "active", cancellationToken);

    public Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default)
    {
        var id = ExperimentKey(experimentId);
        ValidateTags(new Dictionary<string, string> { [key ?? string.Empty] = value });
        return _sql.WriteAsync(async (c, t) =>
        {
            await ExperimentStage(c, t, id, experimentId, cancellationToken).ConfigureAwait(false);
            await UpsertExperimentTag(c, t, id, key!, value, cancellationToken).ConfigureAwait(false);
            await Touch(c, t, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken = default)
    {
        var id = ExperimentKey(experimentId);
        return _sql.WriteAsync(async (c, t) =>
        {
            await ExperimentStage(c, t, id, experimentId, cancellationToken).ConfigureAwait(false);
            var deleted = await c.ExecuteAsync(t, "DELETE FROM experiment_tags WHERE experiment_id = @id AND key = @key;", cancellationToken,
                ("@id", id), ("@key", key)).ConfigureAwait(false);
            if (deleted == 0)
            {
                throw TrackingException.NotFound($"No tag with key '{key}' on experiment '{experimentId}'.");
            }

            await Touch(c, t, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private Task SetExperimentStage(string experimentId, string from, string to, CancellationToken cancellationToken)
    {
        var id = ExperimentKey(experimentId);
        return _sql.WriteAsync(async (c, t) =>
        {
            var stage = await ExperimentStage(c, t, id, experimentId, cancellationToken).ConfigureAwait(false);
            if (stage != from)
            {
                throw TrackingException.InvalidState($"Cannot {(to == "deleted" ? "delete" : "restore")} experiment '{experimentId}': it is {stage}.");
            }

            await c.ExecuteAsync(t, "UPDATE experiments SET lifecycle_stage = @stage, last_update_time = @now WHERE experiment_id = @id;", cancellationToken,
                ("@stage", to), ("@now", Now()), ("@id", id)).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static async Task<string> ExperimentStage(DbConnection c, DbTransaction t, long id, string experimentId, CancellationToken ct) =>
        (string?)await c.ScalarAsync(t, "SELECT lifecycle_stage FROM experiments WHERE experiment_id = @id;", ct, ("@id", id)).ConfigureAwait(false)
        ?? throw ExperimentNotFound(experimentId);

    private Task Touch(DbConnection c, DbTransaction t, long id, CancellationToken ct) =>
        c.ExecuteAsync(t, "UPDATE experiments SET last_update_time = @now WHERE experiment_id = @id;", ct, ("@now", Now()), ("@id", id));

    private static Task UpsertExperimentTag(DbConnection c, DbTransaction t, long id, string key, string value, CancellationToken ct) =>
        c.ExecuteAsync(t, """
            INSERT INTO experiment_tags (experiment_id, key, value) VALUES (@id, @key, @value)
            ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value;
            """, ct, ("@id", id), ("@key", key), ("@value", value));

    private static async Task<List<Experiment>> LoadExperiments(
        DbConnection c, DbTransaction t, string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, sql, r => (Id: r.Long(0), Name: r.GetString(1), Location: r.GetString(2), Stage: r.GetString(3),
            Created: r.Long(4), Updated: r.Long(5)), ct, parameters).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }

        await using var tagQuery = c.Command(t, string.Empty);
        tagQuery.CommandText = $"SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN {tagQuery.InList("e", rows.Select(r => (object)r.Id))};";
        var tags = (await tagQuery.QueryAsync(r => (Id: r.Long(0), Key: r.GetString(1), Value: r.GetString(2)), ct).ConfigureAwait(false))
            .ToLookup(x => x.Id);
        return rows.Select(r => new Experiment(
            r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Location, ApiNames.ParseLifecycleStage(r.Stage), r.Created, r.Updated,
            Sorted(tags[r.Id].Select(x => (x.Key, x.Value))))).ToList();
    }

    private static long ExperimentKey(string experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ExperimentNotFound(experimentId);

    private static TrackingException ExperimentNotFound(string experimentId) =>
        TrackingException.NotFound($"No experiment with id '{experimentId}' exists.");

    private static string ViewCondition(string alias, ViewType view) => view switch
    {
        ViewType.ActiveOnly => $"{alias}.lifecycle_stage = 'active'",
        ViewType.DeletedOnly => $"{alias}.lifecycle_stage = 'deleted'",
        _ => "1 = 1",
    };

    private static Page<T> ToPage<T>(List<T> rows, int maxResults, long offset, string fingerprint) =>
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

    private string Location(string experimentId) => _defaultArtifactRoot.TrimEnd('/') + "/" + experimentId;

    private long Now() => TrackingTime.NowMilliseconds(_time);
}
