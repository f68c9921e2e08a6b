using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Tracking;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Runs;
using Vigil.Tracking.Search;

namespace Vigil.Server.Mlflow;

/// <summary>MLflow's tracking service: <c>experiments/*</c>, <c>runs/*</c> and <c>metrics/get-history</c>.</summary>
internal static class MlflowTrackingEndpoints
{
    /// <summary>The tag MLflow's clients put the user name in.</summary>
    public const string UserTag = "mlflow.user";

    public static void Map(IEndpointRouteBuilder g)
    {
        g.Handle("POST", "/experiments/create", CreateExperiment);
        g.Handle("GET", "/experiments/get", GetExperiment);
        g.Handle("GET", "/experiments/get-by-name", GetExperimentByName);
        g.Handle("POST", "/experiments/search", SearchExperiments);
        g.Handle("GET", "/experiments/search", SearchExperiments);
        g.Handle("POST", "/experiments/update", UpdateExperiment);
        g.Handle("POST", "/experiments/delete", DeleteExperiment);
        g.Handle("POST", "/experiments/restore", RestoreExperiment);
        g.Handle("POST", "/experiments/set-experiment-tag", SetExperimentTag);
        g.Handle("POST", "/experiments/delete-experiment-tag", DeleteExperimentTag);

        g.Handle("POST", "/runs/create", CreateRun);
        g.Handle("POST", "/runs/update", UpdateRun);
        g.Handle("GET", "/runs/get", GetRun);
        g.Handle("POST", "/runs/delete", DeleteRun);
        g.Handle("POST", "/runs/restore", RestoreRun);
        g.Handle("POST", "/runs/log-parameter", LogParameter);
        g.Handle("POST", "/runs/log-metric", LogMetric);
        g.Handle("POST", "/runs/log-batch", LogBatch);
        g.Handle("POST", "/runs/set-tag", SetTag);
        g.Handle("POST", "/runs/delete-tag", DeleteTag);
        g.Handle("POST", "/runs/search", SearchRuns);
        g.Handle("GET", "/runs/search", SearchRuns);
        g.Handle("POST", "/runs/log-inputs", LogInputs);
        g.Handle("GET", "/metrics/get-history", GetMetricHistory);
    }

    private static async Task<IResult> CreateExperiment(MlflowCall c)
    {
        var r = c.Request;
        var name = r.Required("name");
        var tags = ToDictionary(r.Tags(), "tags");
        var id = await c.Tracking.CreateExperimentAsync(name, NullIfEmpty(r.String("artifact_location")), tags, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new CreateExperimentResponse(id), MlflowJsonContext.Default.CreateExperimentResponse);
    }

    private static async Task<IResult> GetExperiment(MlflowCall c)
    {
        var experiment = await c.Tracking.GetExperimentAsync(c.Request.Required("experiment_id"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new GetExperimentResponse(ExperimentDocument.From(experiment)), MlflowJsonContext.Default.GetExperimentResponse);
    }

    private static async Task<IResult> GetExperimentByName(MlflowCall c)
    {
        var experiment = await c.Tracking.GetExperimentByNameAsync(c.Request.Required("experiment_name"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new GetExperimentResponse(ExperimentDocument.From(experiment)), MlflowJsonContext.Default.GetExperimentResponse);
    }

    private static async Task<IResult> SearchExperiments(MlflowCall c)
    {
        var r = c.Request;
        var search = new ExperimentSearch(
            NullIfEmpty(r.String("filter")),
            MlflowFormat.ParseViewType(r.String("view_type")),
            MlflowFormat.MaxResults(r.Long("max_results"), 1000),
            OrderBy(r),
            NullIfEmpty(r.String("page_token")));
        var page = await c.Tracking.SearchExperimentsAsync(search, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(
            new SearchExperimentsResponse([.. page.Items.Select(ExperimentDocument.From)], page.NextPageToken),
            MlflowJsonContext.Default.SearchExperimentsResponse);
    }

    private static async Task<IResult> UpdateExperiment(MlflowCall c)
    {
        var id = c.Request.Required("experiment_id");
        if (NullIfEmpty(c.Request.String("new_name")) is { } newName)
        {
            await c.Tracking.RenameExperimentAsync(id, newName, c.Aborted).ConfigureAwait(false);
        }
        else
        {
            await c.Tracking.GetExperimentAsync(id, c.Aborted).ConfigureAwait(false);
        }

        return MlflowCall.Ok();
    }

    private static async Task<IResult> DeleteExperiment(MlflowCall c)
    {
        await c.Tracking.DeleteExperimentAsync(c.Request.Required("experiment_id"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> RestoreExperiment(MlflowCall c)
    {
        await c.Tracking.RestoreExperimentAsync(c.Request.Required("experiment_id"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> SetExperimentTag(MlflowCall c)
    {
        var r = c.Request;
        await c.Tracking.SetExperimentTagAsync(r.Required("experiment_id"), r.Required("key"), r.String("value") ?? throw MlflowRequest.Missing("value"), c.Aborted)
            .ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> DeleteExperimentTag(MlflowCall c)
    {
        await c.Tracking.DeleteExperimentTagAsync(c.Request.Required("experiment_id"), c.Request.Required("key"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> CreateRun(MlflowCall c)
    {
        var r = c.Request;
        var tags = ToDictionary(r.Tags(), "tags");
        var user = NullIfEmpty(r.String("user_id")) ?? (tags.TryGetValue(UserTag, out var tagged) ? tagged : null);
        var run = await c.Tracking.CreateRunAsync(
            new NewRun(r.String("experiment_id") is { Length: > 0 } id ? id : Experiment.DefaultId, user, NullIfEmpty(r.String("run_name")), r.Long("start_time"), tags),
            c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new RunResponse(RunDocument.From(run)), MlflowJsonContext.Default.RunResponse);
    }

    private static async Task<IResult> UpdateRun(MlflowCall c)
    {
        var r = c.Request;
        var status = r.String("status") is { Length: > 0 } s ? MlflowFormat.ParseRunStatus(s) : (RunStatus?)null;
        var info = await c.Tracking.UpdateRunAsync(r.RunId(), new RunUpdate(status, r.Long("end_time"), NullIfEmpty(r.String("run_name"))), c.Aborted)
            .ConfigureAwait(false);
        return MlflowCall.Ok(new UpdateRunResponse(RunInfoDocument.From(info)), MlflowJsonContext.Default.UpdateRunResponse);
    }

    private static async Task<IResult> GetRun(MlflowCall c)
    {
        var run = await c.Tracking.GetRunAsync(c.Request.RunId(), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new RunResponse(RunDocument.From(run)), MlflowJsonContext.Default.RunResponse);
    }

    private static async Task<IResult> DeleteRun(MlflowCall c)
    {
        await c.Tracking.DeleteRunAsync(c.Request.RunId(), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> RestoreRun(MlflowCall c)
    {
        await c.Tracking.RestoreRunAsync(c.Request.RunId(), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> LogParameter(MlflowCall c)
    {
        var r = c.Request;
        await c.Tracking.LogParamAsync(r.RunId(), r.Required("key"), r.String("value") ?? throw MlflowRequest.Missing("value"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> LogMetric(MlflowCall c)
    {
        var r = c.Request;
        var metric = new Metric(
            r.Required("key"),
            r.Double("value") ?? throw MlflowRequest.Missing("value"),
            r.Long("timestamp") ?? throw MlflowRequest.Missing("timestamp"),
            r.Long("step") ?? 0);
        await c.Tracking.LogMetricAsync(r.RunId(), metric, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> LogBatch(MlflowCall c)
    {
        var r = c.Request;
        var runId = r.RunId();
        var metricObjects = r.Objects("metrics");
        var metrics = new Metric[metricObjects.Count];
        for (var i = 0; i < metrics.Length; i++)
        {
            var m = metricObjects[i];
            var where = $"metrics[{i}]";
            metrics[i] = new Metric(
                MlflowRequest.RequiredIn(m, "key", where),
                MlflowRequest.DoubleIn(m, "value", where) ?? throw MlflowRequest.Missing(where + ".value"),
                MlflowRequest.LongIn(m, "timestamp", where) ?? throw MlflowRequest.Missing(where + ".timestamp"),
                MlflowRequest.LongIn(m, "step", where) ?? 0);
        }

        var parameters = r.Tags("params").Select(p => new Param(p.Key, p.Value)).ToArray();
        await c.Tracking.LogBatchAsync(runId, metrics, parameters, r.Tags("tags"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> SetTag(MlflowCall c)
    {
        var r = c.Request;
        await c.Tracking.SetTagAsync(r.RunId(), r.Required("key"), r.String("value") ?? throw MlflowRequest.Missing("value"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> DeleteTag(MlflowCall c)
    {
        await c.Tracking.DeleteTagAsync(c.Request.RunId(), c.Request.Required("key"), c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> SearchRuns(MlflowCall c)
    {
        var r = c.Request;
        var experimentIds = r.Strings("experiment_ids");
        if (experimentIds.Count == 0)
        {
            throw MlflowRequest.Missing("experiment_ids");
        }

        var search = new RunSearch(
            experimentIds,
            NullIfEmpty(r.String("filter")),
            MlflowFormat.ParseViewType(r.String("run_view_type")),
            MlflowFormat.MaxResults(r.Long("max_results"), 1000),
            OrderBy(r),
            NullIfEmpty(r.String("page_token")));
        var page = await c.Tracking.SearchRunsAsync(search, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new SearchRunsResponse([.. page.Items.Select(RunDocument.From)], page.NextPageToken), MlflowJsonContext.Default.SearchRunsResponse);
    }

    private static async Task<IResult> LogInputs(MlflowCall c)
    {
        var r = c.Request;
        var runId = r.RunId();
        var items = r.Objects("datasets");
        var inputs = new DatasetInput[items.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var where = $"datasets[{i}]";
            var d = MlflowRequest.ObjectOf(items[i], "dataset", where + ".dataset") ?? throw MlflowRequest.Missing(where + ".dataset");
            var dw = where + ".dataset";
            var dataset = new Dataset(
                MlflowRequest.RequiredIn(d, "name", dw),
                MlflowRequest.RequiredIn(d, "digest", dw),
                MlflowRequest.RequiredIn(d, "source_type", dw),
                MlflowRequest.RequiredIn(d, "source", dw),
                NullIfEmpty(MlflowRequest.StringIn(d, "schema", dw)),
                NullIfEmpty(MlflowRequest.StringIn(d, "profile", dw)));
            inputs[i] = new DatasetInput(dataset, ToDictionary(MlflowRequest.TagsOf(items[i], "tags", where + ".tags"), where + ".tags"));
        }

        await c.Tracking.LogInputsAsync(runId, inputs, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> GetMetricHistory(MlflowCall c)
    {
        var r = c.Request;
        var runId = r.RunId();
        var key = r.Required("metric_key");
        var maxResults = r.Long("max_results");
        var token = NullIfEmpty(r.String("page_token"));
        var fingerprint = PageToken.FingerprintOf("metric-history", runId, key);
        var offset = PageToken.Decode(token, fingerprint);

        // The run must exist even when the key was never logged (MLflow answers 404 for an unknown run).
        await c.Tracking.GetRunAsync(runId, c.Aborted).ConfigureAwait(false);
        var history = await c.Tracking.GetMetricHistoryAsync(runId, key, c.Aborted).ConfigureAwait(false);
        var size = maxResults is null ? history.Count : MlflowFormat.MaxResults(maxResults, history.Count);
        var page = history.Skip((int)Math.Min(offset, history.Count)).Take(size).Select(MetricDocument.From).ToList();
        var next = offset + page.Count < history.Count ? PageToken.Encode(offset + page.Count, fingerprint) : null;
        return MlflowCall.Ok(new MetricHistoryResponse(page, next), MlflowJsonContext.Default.MetricHistoryResponse);
    }

    internal static IReadOnlyDictionary<string, string> ToDictionary(IReadOnlyList<Tag> tags, string field)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!result.TryAdd(tag.Key, tag.Value) && result[tag.Key] != tag.Value)
            {
                throw Errors.ApiError.InvalidParameter($"Invalid value for parameter '{field}': duplicate key '{tag.Key}' with different values.").ToException();
            }
        }

        return result;
    }

    internal static IReadOnlyList<string>? OrderBy(MlflowRequest r) => r.Strings("order_by") is { Count: > 0 } list ? list : null;

    internal static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
