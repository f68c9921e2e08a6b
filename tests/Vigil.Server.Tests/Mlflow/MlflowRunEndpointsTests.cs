using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Mlflow;

public sealed class MlflowRunEndpointsTests
{
    [Fact]
    public async Task CreateGetUpdate_RunShape_UserFromTag()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var exp = await mlflow.CreateExperiment("runs");

        var run = (await mlflow.Ok("POST", "runs/create", $$"""
            {"experiment_id": "{{exp}}", "start_time": 1700000000000, "run_name": "first",
             "tags": [{"key": "mlflow.user", "value": "ada"}, {"key": "team", "value": "rul"}]}
            """)).GetProperty("run");
        var info = run.GetProperty("info");
        var id = info.GetProperty("run_id").GetString()!;
        id.Length.ShouldBe(32);
        info.GetProperty("run_uuid").GetString().ShouldBe(id);
        info.GetProperty("experiment_id").GetString().ShouldBe(exp);
        info.GetProperty("run_name").GetString().ShouldBe("first");
        info.GetProperty("user_id").GetString().ShouldBe("ada");
        info.GetProperty("status").GetString().ShouldBe("RUNNING");
        info.GetProperty("start_time").GetInt64().ShouldBe(1700000000000);
        info.TryGetProperty("end_time", out _).ShouldBeFalse();
        info.GetProperty("artifact_uri").GetString().ShouldBe($"mlflow-artifacts:/{exp}/{id}/artifacts");
        info.GetProperty("lifecycle_stage").GetString().ShouldBe("active");
        run.GetProperty("data").GetProperty("tags").EnumerateArray().ShouldContain(t => t.GetProperty("key").GetString() == "team");

        var explicitUser = (await mlflow.Ok("POST", "runs/create", $$"""{"experiment_id": "{{exp}}", "user_id": "bob"}"""))
            .GetProperty("run").GetProperty("info").GetProperty("user_id").GetString();
        explicitUser.ShouldBe("bob");

        var updated = (await mlflow.Ok("POST", "runs/update", $$"""{"run_id": "{{id}}", "status": "FINISHED", "end_time": 1700000005000}"""))
            .GetProperty("run_info");
        updated.GetProperty("status").GetString().ShouldBe("FINISHED");
        updated.GetProperty("end_time").GetInt64().ShouldBe(1700000005000);

        var got = (await mlflow.Ok("GET", $"runs/get?run_id={id}")).GetProperty("run").GetProperty("info");
        got.GetProperty("status").GetString().ShouldBe("FINISHED");
    }

    [Fact]
    public async Task LogParamMetricTag_AppearInRunData_ParamOverwriteIs400()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var run = await mlflow.CreateRun(await mlflow.CreateExperiment("log"));

        (await mlflow.Ok("POST", "runs/log-parameter", $$"""{"run_id": "{{run}}", "key": "model", "value": "rf"}""")).ToString().ShouldBe("{}");
        await mlflow.Ok("POST", "runs/log-parameter", $$"""{"run_id": "{{run}}", "key": "model", "value": "rf"}""");
        MlflowClient.ShouldBeError(
            await mlflow.Post("runs/log-parameter", $$"""{"run_id": "{{run}}", "key": "model", "value": "gbm"}"""),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE").ShouldContain("model");

        await mlflow.Ok("POST", "runs/log-metric", $$"""{"run_id": "{{run}}", "key": "rmse", "value": 12.5, "timestamp": 1700000001000, "step": 1}""");
        await mlflow.Ok("POST", "runs/log-metric", $$"""{"run_uuid": "{{run}}", "key": "rmse", "value": "11.0", "timestamp": "1700000002000", "step": "2"}""");
        await mlflow.Ok("POST", "runs/log-metric", $$"""{"run_id": "{{run}}", "key": "loss", "value": "NaN", "timestamp": 1700000002000}""");
        await mlflow.Ok("POST", "runs/log-metric", $$"""{"run_id": "{{run}}", "key": "gap", "value": "-Infinity", "timestamp": 1700000002000}""");
        await mlflow.Ok("POST", "runs/set-tag", $$"""{"run_id": "{{run}}", "key": "note", "value": "x"}""");
        await mlflow.Ok("POST", "runs/set-tag", $$"""{"run_id": "{{run}}", "key": "gone", "value": "y"}""");
        (await mlflow.Ok("POST", "runs/delete-tag", $$"""{"run_id": "{{run}}", "key": "gone"}""")).ToString().ShouldBe("{}");

        var data = (await mlflow.Ok("GET", $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data");
        var metrics = data.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("key").GetString()!);
        metrics["rmse"].GetProperty("value").GetDouble().ShouldBe(11.0);
        metrics["rmse"].GetProperty("step").GetInt64().ShouldBe(2);
        metrics["rmse"].GetProperty("timestamp").GetInt64().ShouldBe(1700000002000);
        metrics["loss"].GetProperty("value").GetString().ShouldBe("NaN");
        metrics["gap"].GetProperty("value").GetString().ShouldBe("-Infinity");
        data.GetProperty("params").EnumerateArray().Single().GetProperty("value").GetString().ShouldBe("rf");
        var tags = data.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("key").GetString()).ToList();
        tags.ShouldContain("note");
        tags.ShouldNotContain("gone");

        var history = await mlflow.Ok("GET", $"metrics/get-history?run_id={run}&metric_key=rmse");
        history.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("value").GetDouble()).ShouldBe([12.5, 11.0]);
        MlflowClient.ShouldBeError(
            await mlflow.Post("runs/log-metric", $$"""{"run_id": "{{run}}", "key": "rmse", "value": 1}"""),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE").ShouldContain("timestamp");
    }

    [Fact]
    public async Task LogBatch_1000Metrics_HistoryPagesThroughAll()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var run = await mlflow.CreateRun(await mlflow.CreateExperiment("batch"));

        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""{"run_id": "{{run}}", "metrics": [""");
        for (var i = 0; i < 1000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"key": "loss", "value": {{1.0 / (i + 1)}}, "timestamp": {{1700000000000 + i}}, "step": {{i}}}""");
        }

        json.Append("]}");
        (await mlflow.Ok("POST", "runs/log-batch", json.ToString())).ToString().ShouldBe("{}");
        await mlflow.Ok("POST", "runs/log-batch", $$"""
            {"run_id": "{{run}}", "params": [{"key": "lr", "value": "0.01"}], "tags": [{"key": "mlflow.note.content", "value": "batch"}]}
            """);
        MlflowClient.ShouldBeError(await mlflow.Post("runs/log-batch", json.ToString().Replace("]}", """], "params": [{"key": "x", "value": "1"}]}""")),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE").ShouldContain("1000");

        List<long> steps = [];
        string? token = null;
        do
        {
            var page = await mlflow.Ok("GET", $"metrics/get-history?run_id={run}&metric_key=loss&max_results=300" + (token is null ? "" : $"&page_token={token}"));
            steps.AddRange(page.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("step").GetInt64()));
            token = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        steps.Count.ShouldBe(1000);
        steps.ShouldBe(Enumerable.Range(0, 1000).Select(i => (long)i));
        var data = (await mlflow.Ok("GET", $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data");
        data.GetProperty("params")[0].GetProperty("key").GetString().ShouldBe("lr");
    }

    [Fact]
    public async Task LogBatch_ConflictingParam_StoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var run = await mlflow.CreateRun(await mlflow.CreateExperiment("atomic"));
        await mlflow.Ok("POST", "runs/log-parameter", $$"""{"run_id": "{{run}}", "key": "model", "value": "rf"}""");

        MlflowClient.ShouldBeError(await mlflow.Post("runs/log-batch", $$"""
            {"run_id": "{{run}}", "metrics": [{"key": "m", "value": 1, "timestamp": 1}], "params": [{"key": "model", "value": "gbm"}]}
            """), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        MlflowClient.ShouldBeError(await mlflow.Post("runs/log-batch", $$"""{"run_id": "{{run}}", "metrics": [{"key": "m", "timestamp": 1}]}"""),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE").ShouldContain("metrics[0].value");

        var data = (await mlflow.Ok("GET", $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data");
        data.GetProperty("metrics").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Search_FilterOrderByPageToken_RoundTrip_AndBadFilterNamesToken()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var exp = await mlflow.CreateExperiment("search");
        for (var i = 0; i < 7; i++)
        {
            var run = await mlflow.CreateRun(exp);
            await mlflow.Ok("POST", "runs/log-batch", $$"""
                {"run_id": "{{run}}", "metrics": [{"key": "f1", "value": {{(0.5 + (i * 0.05)).ToString(CultureInfo.InvariantCulture)}}, "timestamp": 1}],
                 "params": [{"key": "model", "value": "{{(i % 2 == 0 ? "rf" : "gbm")}}"}]}
                """);
        }

        List<double> f1 = [];
        string? token = null;
        do
        {
            var tokenPart = token is null ? "" : $$""", "page_token": "{{token}}" """;
            var page = await mlflow.Ok("POST", "runs/search", $$"""
                {"experiment_ids": ["{{exp}}"], "filter": "metrics.f1 > 0.52 and params.model = 'rf'", "run_view_type": "ACTIVE_ONLY",
                 "max_results": 1, "order_by": ["metrics.f1 DESC"]{{tokenPart}}}
                """);
            f1.AddRange(page.GetProperty("runs").EnumerateArray()
                .Select(r => r.GetProperty("data").GetProperty("metrics")[0].GetProperty("value").GetDouble()));
            token = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        f1.Select(v => Math.Round(v, 2)).ShouldBe([0.8, 0.7, 0.6]);

        var message = MlflowClient.ShouldBeError(
            await mlflow.Post("runs/search", $$"""{"experiment_ids": ["{{exp}}"], "filter": "metrics.f1 > 0.5 OR params.model = 'rf'"}"""),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        message.ShouldContain("OR");
        MlflowClient.ShouldBeError(
            await mlflow.Post("runs/search", $$"""{"experiment_ids": ["{{exp}}"], "page_token": "garbage"}"""),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }

    [Fact]
    public async Task DeleteRestore_AndDeletedRunsViewType_AndLogInputs()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var exp = await mlflow.CreateExperiment("life");
        var run = await mlflow.CreateRun(exp);

        (await mlflow.Ok("POST", "runs/log-inputs", $$$"""
            {"run_id": "{{{run}}}", "datasets": [{"tags": [{"key": "mlflow.data.context", "value": "training"}],
              "dataset": {"name": "fd001", "digest": "abc123", "source_type": "local", "source": "{\"uri\": \"train.csv\"}", "schema": "{}"}}]}
            """)).ToString().ShouldBe("{}");
        var inputs = (await mlflow.Ok("GET", $"runs/get?run_id={run}")).GetProperty("run").GetProperty("inputs").GetProperty("dataset_inputs");
        inputs[0].GetProperty("dataset").GetProperty("digest").GetString().ShouldBe("abc123");
        inputs[0].GetProperty("tags")[0].GetProperty("value").GetString().ShouldBe("training");

        (await mlflow.Ok("POST", "runs/delete", $$"""{"run_id": "{{run}}"}""")).ToString().ShouldBe("{}");
        var deleted = await mlflow.Ok("POST", "runs/search", $$"""{"experiment_ids": ["{{exp}}"], "run_view_type": "DELETED_ONLY"}""");
        deleted.GetProperty("runs")[0].GetProperty("info").GetProperty("lifecycle_stage").GetString().ShouldBe("deleted");
        MlflowClient.ShouldBeError(
            await mlflow.Post("runs/set-tag", $$"""{"run_id": "{{run}}", "key": "k", "value": "v"}"""), HttpStatusCode.BadRequest, "INVALID_STATE");

        await mlflow.Ok("POST", "runs/restore", $$"""{"run_id": "{{run}}"}""");
        var active = await mlflow.Ok("POST", "runs/search", $$"""{"experiment_ids": ["{{exp}}"]}""");
        active.GetProperty("runs").GetArrayLength().ShouldBe(1);

        MlflowClient.ShouldBeError(await mlflow.Get("runs/get?run_id=0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        MlflowClient.ShouldBeError(await mlflow.Get("metrics/get-history?run_id=0123456789abcdef0123456789abcdef&metric_key=x"),
            HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        MlflowClient.ShouldBeError(await mlflow.Post("runs/create", """{"experiment_id": "999"}"""), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }
}
