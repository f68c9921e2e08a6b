using System.Data.Common;
using System.Globalization;
using Vigil.Tracking.Runs;
using Vigil.Tracking.Search;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Search;

namespace Vigil.Tracking.Sql.Tracking;

/// <summary>Run search and loading runs with their data in a few set-based queries.</summary>
internal sealed partial class SqlTrackingStore
{
    private const string RunColumns =
        "r.run_id, r.experiment_id, r.run_name, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

    private const int InListChunk = 500;

    public Task<Page<Run>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(search.ExperimentIds);
        TrackingLimits.ValidateMaxResults(search.MaxResults);
        if (search.ExperimentIds.Count == 0)
        {
            throw TrackingException.Invalid("experiment_ids must name at least one experiment.");
        }

        var experimentIds = search.ExperimentIds.Select(id =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw TrackingException.Invalid($"Invalid experiment id '{id}' in experiment_ids.")).Distinct().Order().ToList();
        var compiled = _compiler.Compile(SearchTarget.Runs, search.Filter, search.OrderBy);
        var fingerprint = PageToken.FingerprintOf(
            ["runs", string.Join(',', experimentIds), search.Filter, ApiNames.Format(search.RunViewType), .. search.OrderBy ?? []]);
        var offset = PageToken.Decode(search.PageToken, fingerprint);
        List<(string, object?)> parameters = [.. compiled.Parameters.Select(p => (p.Name, (object?)p.Value))];
        var experimentList = new List<string>();
        for (var i = 0; i < experimentIds.Count; i++)
        {
            experimentList.Add("@x" + IdText(i));
            parameters.Add(("@x" + IdText(i), experimentIds[i]));
        }

        parameters.Add(("@limit", search.MaxResults + 1L));
        parameters.Add(("@offset", offset));
        var sql = $"SELECT {RunColumns} FROM runs r " +
                  $"{compiled.Where($"r.experiment_id IN ({string.Join(", ", experimentList)})", ViewCondition("r", search.RunViewType))} " +
                  $"ORDER BY {compiled.OrderBy} LIMIT @limit OFFSET @offset;";
        return _sql.ReadAsync(async (c, t) =>
            ToPage(await LoadRuns(c, t, sql, [.. parameters], cancellationToken).ConfigureAwait(false), search.MaxResults, offset, fingerprint),
            cancellationToken);
    }

    private static async Task<List<RunInfo>> LoadRunInfos(DbConnection c, DbTransaction t, string sql, (string, object?)[] parameters, CancellationToken ct) =>
        await c.QueryAsync(t, sql, r => new RunInfo(
            RunId: r.GetString(0),
            ExperimentId: r.Id(1),
            RunName: r.GetString(2),
            UserId: r.GetString(3),
            Status: ApiNames.ParseRunStatus(r.GetString(4)),
            StartTime: r.Long(5),
            EndTime: r.NullableLong(6),
            ArtifactUri: r.GetString(7),
            LifecycleStage: ApiNames.ParseLifecycleStage(r.GetString(8))), ct, parameters).ConfigureAwait(false);

    private static async Task<List<Run>> LoadRuns(DbConnection c, DbTransaction t, string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        var infos = await LoadRunInfos(c, t, sql, parameters, ct).ConfigureAwait(false);
        if (infos.Count == 0)
        {
            return [];
        }

        List<(string Run, string Key, string Value)> paramRows = [];
        List<(string Run, string Key, string Value)> tagRows = [];
        List<(string Run, Metric Metric)> metricRows = [];
        List<(string Run, long Dataset, string Name, string Digest, string Type, string Source, string? Schema, string? Profile, string? Version)> inputRows = [];
        List<(string Run, long Dataset, string Key, string Value)> inputTagRows = [];
        foreach (var chunk in infos.Select(i => (object)i.RunId).Chunk(InListChunk))
        {
            paramRows.AddRange(await Chunked(c, t, "SELECT run_id, key, value FROM params WHERE run_id IN {0};", chunk,
                r => (r.GetString(0), r.GetString(1), r.GetString(2)), ct).ConfigureAwait(false));
            tagRows.AddRange(await Chunked(c, t, "SELECT run_id, key, value FROM tags WHERE run_id IN {0};", chunk,
                r => (r.GetString(0), r.GetString(1), r.GetString(2)), ct).ConfigureAwait(false));
            metricRows.AddRange(await Chunked(c, t, "SELECT run_id, key, value, is_nan, timestamp, step FROM latest_metrics WHERE run_id IN {0};", chunk,
                r => (r.GetString(0), new Metric(r.GetString(1), r.Long(3) == 1 ? double.NaN : r.GetDouble(2), r.Long(4), r.Long(5))), ct).ConfigureAwait(false));
            inputRows.AddRange(await Chunked(c, t, """
                SELECT i.run_id, d.dataset_id, d.name, d.digest, d.source_type, d.source, d.schema_json, d.profile_json, d.version
                FROM inputs i JOIN datasets d ON d.dataset_id = i.dataset_id WHERE i.run_id IN {0};
                """, chunk, r => (r.GetString(0), r.Long(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.NullableString(6), r.NullableString(7), r.NullableString(8)), ct).ConfigureAwait(false));
            inputTagRows.AddRange(await Chunked(c, t, "SELECT run_id, dataset_id, key, value FROM input_tags WHERE run_id IN {0};", chunk,
                r => (r.GetString(0), r.Long(1), r.GetString(2), r.GetString(3)), ct).ConfigureAwait(false));
        }

        var paramsByRun = paramRows.ToLookup(p => p.Run);
        var tagsByRun = tagRows.ToLookup(p => p.Run);
        var metricsByRun = metricRows.ToLookup(p => p.Run);
        var inputsByRun = inputRows.ToLookup(p => p.Run);
        var inputTags = inputTagRows.ToLookup(p => (p.Run, p.Dataset));
        return infos.Select(info => new Run(
            info,
            new RunData(
                metricsByRun[info.RunId].Select(m => m.Metric).OrderBy(m => m.Key, StringComparer.Ordinal).ToList(),
                Sorted(paramsByRun[info.RunId].Select(p => (p.Key, p.Value))),
                Sorted(tagsByRun[info.RunId].Select(p => (p.Key, p.Value)))),
            inputsByRun[info.RunId]
                .OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Digest, StringComparer.Ordinal)
                .Select(i => new DatasetInput(
                    new Dataset(i.Name, i.Digest, i.Type, i.Source, i.Schema, i.Profile, i.Version),
                    Sorted(inputTags[(info.RunId, i.Dataset)].Select(x => (x.Key, x.Value)))))
                .ToList())).ToList();
    }

    private static async Task<List<T>> Chunked<T>(DbConnection c, DbTransaction t, string sqlFormat, object[] ids, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var command = c.Command(t, string.Empty);
        command.CommandText = string.Format(CultureInfo.InvariantCulture, sqlFormat, command.InList("r", ids));
        return await command.QueryAsync(map, ct).ConfigureAwait(false);
    }
}
