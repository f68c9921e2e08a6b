using System.Data.Common;
using System.Globalization;
using Vigil.Tracking.Runs;
using Vigil.Tracking.Sql.Common;

namespace Vigil.Tracking.Sql.Tracking;

/// <summary>Runs: lifecycle and logging. Every logging call goes through <see cref="LogBatchCore"/> in one transaction.</summary>
internal sealed partial class SqlTrackingStore
{
    /// <summary>The tag MLflow uses to mirror a run's name.</summary>
    public const string RunNameTag = "mlflow.runName";

    public async Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var experimentId = ExperimentKey(run.ExperimentId);
        ValidateTags(run.Tags);
        var tags = Sorted((run.Tags ?? new Dictionary<string, string>()).Select(p => (p.Key, p.Value)));
        if (run.RunName is not null && tags.TryGetValue(RunNameTag, out var tagged) && tagged != run.RunName)
        {
            throw TrackingException.Invalid($"Run name '{run.RunName}' differs from the '{RunNameTag}' tag '{tagged}'.");
        }

        var runId = Guid.NewGuid().ToString("N");
        var runName = run.RunName ?? (tags.TryGetValue(RunNameTag, out var name) ? name : "run-" + runId[..8]);
        TrackingLimits.ValidateValue(runName, TrackingLimits.MaxNameLength, "Run name");
        tags[RunNameTag] = runName;
        var startTime = run.StartTime ?? Now();
        var info = await _sql.WriteAsync(async (c, t) =>
        {
            var experiment = await c.QueryAsync(t, "SELECT lifecycle_stage, artifact_location FROM experiments WHERE experiment_id = @id;",
                r => (Stage: r.GetString(0), Location: r.GetString(1)), cancellationToken, ("@id", experimentId)).ConfigureAwait(false);
            if (experiment.Count == 0)
            {
                throw ExperimentNotFound(run.ExperimentId);
            }

            if (experiment[0].Stage != "active")
            {
                throw TrackingException.InvalidState($"Cannot create a run in experiment '{run.ExperimentId}': it is deleted.");
            }

            var created = new RunInfo(runId, run.ExperimentId, runName, run.UserId ?? string.Empty, RunStatus.Running, startTime, null,
                experiment[0].Location.TrimEnd('/') + "/" + runId + "/artifacts", LifecycleStage.Active);
            await c.ExecuteAsync(t, """
                INSERT INTO runs (run_id, experiment_id, run_name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri)
                VALUES (@id, @experiment, @name, @user, 'RUNNING', @start, NULL, 'active', @uri);
                """, cancellationToken, ("@id", runId), ("@experiment", experimentId), ("@name", runName), ("@user", created.UserId),
                ("@start", startTime), ("@uri", created.ArtifactUri)).ConfigureAwait(false);
            foreach (var (key, value) in tags)
            {
                await UpsertRunTag(c, t, runId, key, value, cancellationToken).ConfigureAwait(false);
            }

            return created;
        }, cancellationToken).ConfigureAwait(false);
        return new Run(info, new RunData([], new SortedDictionary<string, string>(StringComparer.Ordinal), tags), []);
    }

    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        _sql.ReadAsync(async (c, t) =>
        {
            var runs = await LoadRuns(c, t, $"SELECT {RunColumns} FROM runs r WHERE r.run_id = @id;", [("@id", runId)], cancellationToken).ConfigureAwait(false);
            return runs.SingleOrDefault() ?? throw RunNotFound(runId);
        }, cancellationToken);

    public Task<RunInfo> UpdateRunAsync(string runId, RunUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.RunName is not null)
        {
            TrackingLimits.ValidateName(update.RunName, "Run name");
        }

        return _sql.WriteAsync(async (c, t) =>
        {
            await RequireActiveRun(c, t, runId, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(t, """
                UPDATE runs SET status = COALESCE(@status, status), end_time = COALESCE(@end, end_time), run_name = COALESCE(@name, run_name)
                WHERE run_id = @id;
                """, cancellationToken, ("@status", update.Status is { } s ? ApiNames.Format(s) : null), ("@end", update.EndTime),
                ("@name", update.RunName), ("@id", runId)).ConfigureAwait(false);
            if (update.RunName is not null)
            {
                await UpsertRunTag(c, t, runId, RunNameTag, update.RunName, cancellationToken).ConfigureAwait(false);
            }

            return (await LoadRunInfos(c, t, $"SELECT {RunColumns} FROM runs r WHERE r.run_id = @id;", [("@id", runId)], cancellationToken).ConfigureAwait(false))[0];
        }, cancellationToken);
    }

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            await RunState(c, t, runId, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(t, "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = @now WHERE run_id = @id;", cancellationToken,
                ("@now", Now()), ("@id", runId)).ConfigureAwait(false);
        }, cancellationToken);

    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            await RunState(c, t, runId, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(t, "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE run_id = @id;", cancellationToken,
                ("@id", runId)).ConfigureAwait(false);
        }, cancellationToken);

    public Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, [], [new Param(key, value)], [], cancellationToken);

    public Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, [metric], [], [], cancellationToken);

    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, [], [], [new Tag(key, value)], cancellationToken);

    public Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async (c, t) =>
        {
            await RequireActiveRun(c, t, runId, cancellationToken).ConfigureAwait(false);
            var deleted = await c.ExecuteAsync(t, "DELETE FROM tags WHERE run_id = @id AND key = @key;", cancellationToken, ("@id", runId), ("@key", key)).ConfigureAwait(false);
            if (deleted == 0)
            {
                throw TrackingException.NotFound($"No tag with key '{key}' on run '{runId}'.");
            }
        }, cancellationToken);

    public Task LogBatchAsync(
        string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags, CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateBatch(metrics, parameters, tags);
        return _sql.WriteAsync((c, t) => LogBatchCore(c, t, runId, metrics, parameters, tags, cancellationToken), cancellationToken);
    }

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input?.Dataset is null)
            {
                throw TrackingException.Invalid("Dataset input must have a dataset.");
            }

            TrackingLimits.ValidateName(input.Dataset.Name, "Dataset name");
            TrackingLimits.ValidateName(input.Dataset.Digest, $"Dataset '{input.Dataset.Name}' digest");
            TrackingLimits.ValidateValue(input.Dataset.SourceType, TrackingLimits.MaxNameLength, $"Dataset '{input.Dataset.Name}' source type");
            TrackingLimits.ValidateValue(input.Dataset.Source, int.MaxValue, $"Dataset '{input.Dataset.Name}' source");
            ValidateTags(input.Tags);
        }

        return _sql.WriteAsync(async (c, t) =>
        {
            var experimentId = await RequireActiveRun(c, t, runId, cancellationToken).ConfigureAwait(false);
            foreach (var input in inputs)
            {
                var d = input.Dataset;
                await c.ExecuteAsync(t, """
                    INSERT INTO datasets (experiment_id, name, digest, source_type, source, schema_json, profile_json, version)
                    VALUES (@experiment, @name, @digest, @type, @source, @schema, @profile, @version)
                    ON CONFLICT (experiment_id, name, digest) DO NOTHING;
                    """, cancellationToken, ("@experiment", experimentId), ("@name", d.Name), ("@digest", d.Digest), ("@type", d.SourceType),
                    ("@source", d.Source), ("@schema", d.Schema), ("@profile", d.Profile), ("@version", d.Version)).ConfigureAwait(false);
                var datasetId = await c.ScalarAsync(t, "SELECT dataset_id FROM datasets WHERE experiment_id = @experiment AND name = @name AND digest = @digest;",
                    cancellationToken, ("@experiment", experimentId), ("@name", d.Name), ("@digest", d.Digest)).ConfigureAwait(false);
                await c.ExecuteAsync(t, "INSERT INTO inputs (run_id, dataset_id) VALUES (@run, @dataset) ON CONFLICT DO NOTHING;", cancellationToken,
                    ("@run", runId), ("@dataset", datasetId)).ConfigureAwait(false);
                foreach (var (key, value) in input.Tags ?? new Dictionary<string, string>())
                {
                    await c.ExecuteAsync(t, """
                        INSERT INTO input_tags (run_id, dataset_id, key, value) VALUES (@run, @dataset, @key, @value)
                        ON CONFLICT (run_id, dataset_id, key) DO UPDATE SET value = excluded.value;
                        """, cancellationToken, ("@run", runId), ("@dataset", datasetId), ("@key", key), ("@value", value)).ConfigureAwait(false);
                }
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken = default) =>
        _sql.ReadAsync<IReadOnlyList<Metric>>(async (c, t) =>
        {
            await RunState(c, t, runId, cancellationToken).ConfigureAwait(false);
            return await c.QueryAsync(t, """
                SELECT key, value, is_nan, timestamp, step FROM metrics WHERE run_id = @id AND key = @key ORDER BY step, timestamp, is_nan, value;
                """, ReadMetric, cancellationToken, ("@id", runId), ("@key", metricKey)).ConfigureAwait(false);
        }, cancellationToken);

    private async Task LogBatchCore(
        DbConnection c, DbTransaction t, string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags,
        CancellationToken ct)
    {
        await RequireActiveRun(c, t, runId, ct).ConfigureAwait(false);
        foreach (var param in parameters.DistinctBy(p => p.Key))
        {
            var inserted = await c.ExecuteAsync(t, "INSERT INTO params (run_id, key, value) VALUES (@id, @key, @value) ON CONFLICT (run_id, key) DO NOTHING;",
                ct, ("@id", runId), ("@key", param.Key), ("@value", param.Value)).ConfigureAwait(false);
            if (inserted == 0)
            {
                var existing = (string?)await c.ScalarAsync(t, "SELECT value FROM params WHERE run_id = @id AND key = @key;", ct,
                    ("@id", runId), ("@key", param.Key)).ConfigureAwait(false);
                if (existing != param.Value)
                {
                    throw TrackingException.Invalid(
                        $"Changing param values is not allowed. Param with key '{param.Key}' was already logged with value '{existing}' for run '{runId}'; " +
                        $"attempted to log the new value '{param.Value}'.");
                }
            }
        }

        foreach (var tag in tags)
        {
            await UpsertRunTag(c, t, runId, tag.Key, tag.Value, ct).ConfigureAwait(false);
            if (tag.Key == RunNameTag)
            {
                await c.ExecuteAsync(t, "UPDATE runs SET run_name = @name WHERE run_id = @id;", ct, ("@name", tag.Value), ("@id", runId)).ConfigureAwait(false);
            }
        }

        if (metrics.Count == 0)
        {
            return;
        }

        // Multi-row statements, one round trip per chunk instead of two per metric: on a networked backend (PostgreSQL)
        // per-row statements would cost a round trip each. The history keeps every point (an identical point is stored once).
        foreach (var chunk in metrics.Chunk(_sql.Dialect.MetricRowsPerStatement))
        {
            await InsertMetricRows(c, t, "metrics", "ON CONFLICT DO NOTHING", runId, chunk, ct).ConfigureAwait(false);
        }

        // latest_metrics holds the highest (step, timestamp) per key; on a tie the later point wins. Reduce the batch to one
        // point per key first (one statement may not upsert the same row twice on PostgreSQL), then upsert against the
        // stored point with the same rule, so the result equals applying the points one by one in batch order.
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!latest.TryGetValue(metric.Key, out var current) || metric.Step > current.Step
                || (metric.Step == current.Step && metric.Timestamp >= current.Timestamp))
            {
                latest[metric.Key] = metric;
            }
        }

        foreach (var chunk in latest.Values.Chunk(_sql.Dialect.MetricRowsPerStatement))
        {
            await InsertMetricRows(c, t, "latest_metrics", """
                ON CONFLICT (run_id, key) DO UPDATE SET step = excluded.step, timestamp = excluded.timestamp, value = excluded.value, is_nan = excluded.is_nan
                WHERE excluded.step > latest_metrics.step
                   OR (excluded.step = latest_metrics.step AND excluded.timestamp >= latest_metrics.timestamp)
                """, runId, chunk, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts metric rows in one statement; NaN is stored as value 0 with is_nan 1 on every backend.</summary>
    private static async Task InsertMetricRows(
        DbConnection c, DbTransaction t, string table, string conflictClause, string runId, Metric[] rows, CancellationToken ct)
    {
        await using var command = c.Command(t, string.Empty, ("@id", runId));
        var values = new System.Text.StringBuilder(rows.Length * 40);
        for (var i = 0; i < rows.Length; i++)
        {
            var metric = rows[i];
            var isNan = double.IsNaN(metric.Value);
            var n = IdText(i);
            values.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@id, @k{n}, @s{n}, @t{n}, @v{n}, @n{n})");
            command.Add("@k" + n, metric.Key);
            command.Add("@s" + n, metric.Step);
            command.Add("@t" + n, metric.Timestamp);
            command.Add("@v" + n, isNan ? 0.0 : metric.Value);
            command.Add("@n" + n, isNan ? 1L : 0L);
        }

        command.CommandText = $"INSERT INTO {table} (run_id, key, step, timestamp, value, is_nan) VALUES {values} {conflictClause};";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static Task UpsertRunTag(DbConnection c, DbTransaction t, string runId, string key, string value, CancellationToken ct) =>
        c.ExecuteAsync(t, "INSERT INTO tags (run_id, key, value) VALUES (@id, @key, @value) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value;",
            ct, ("@id", runId), ("@key", key), ("@value", value));

    /// <summary>The run's (experiment id, lifecycle stage); a missing run is ResourceDoesNotExist.</summary>
    private static async Task<(long ExperimentId, string Stage)> RunState(DbConnection c, DbTransaction t, string runId, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, "SELECT experiment_id, lifecycle_stage FROM runs WHERE run_id = @id;", r => (r.Long(0), r.GetString(1)), ct,
            ("@id", runId)).ConfigureAwait(false);
        return rows.Count == 1 ? rows[0] : throw RunNotFound(runId);
    }

    private static async Task<long> RequireActiveRun(DbConnection c, DbTransaction t, string runId, CancellationToken ct)
    {
        var (experimentId, stage) = await RunState(c, t, runId, ct).ConfigureAwait(false);
        return stage == "active"
            ? experimentId
            : throw TrackingException.InvalidState($"The run '{runId}' must be in the 'active' state; it is '{stage}'.");
    }

    private static Metric ReadMetric(DbDataReader r) =>
        new(r.GetString(0), r.Long(2) == 1 ? double.NaN : r.GetDouble(1), r.Long(3), r.Long(4));

    private static TrackingException RunNotFound(string runId) => TrackingException.NotFound($"Run with id '{runId}' not found.");

    private static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);
}
