using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Mlflow;

public sealed class MlflowExperimentEndpointsTests
{
    [Fact]
    public async Task CreateGetGetByName_DocumentedShapes()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);

        var created = await mlflow.Ok("POST", "experiments/create",
            """{"name": "turbofan", "tags": [{"key": "team", "value": "rul"}]}""");
        var id = created.GetProperty("experiment_id").GetString()!;
        id.ShouldNotBe("0");

        var got = (await mlflow.Ok("GET", $"experiments/get?experiment_id={id}")).GetProperty("experiment");
        got.GetProperty("experiment_id").GetString().ShouldBe(id);
        got.GetProperty("name").GetString().ShouldBe("turbofan");
        got.GetProperty("lifecycle_stage").GetString().ShouldBe("active");
        got.GetProperty("artifact_location").GetString().ShouldBe($"mlflow-artifacts:/{id}");
        got.GetProperty("creation_time").ValueKind.ShouldBe(JsonValueKind.Number);
        got.GetProperty("last_update_time").GetInt64().ShouldBeGreaterThan(0);
        var tag = got.GetProperty("tags").EnumerateArray().Single();
        tag.GetProperty("key").GetString().ShouldBe("team");
        tag.GetProperty("value").GetString().ShouldBe("rul");

        var byName = (await mlflow.Ok("GET", "experiments/get-by-name?experiment_name=turbofan")).GetProperty("experiment");
        byName.GetProperty("experiment_id").GetString().ShouldBe(id);
    }

    [Fact]
    public async Task Errors_UnknownIs404_DuplicateIs400_MissingNameIs400()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        await mlflow.CreateExperiment("dup");

        MlflowClient.ShouldBeError(await mlflow.Get("experiments/get?experiment_id=424242"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST")
            .ShouldContain("424242");
        MlflowClient.ShouldBeError(await mlflow.Get("experiments/get-by-name?experiment_name=nope"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        MlflowClient.ShouldBeError(await mlflow.Post("experiments/create", """{"name": "dup"}"""), HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS")
            .ShouldContain("dup");
        MlflowClient.ShouldBeError(await mlflow.Post("experiments/create", "{}"), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE")
            .ShouldContain("'name'");
        MlflowClient.ShouldBeError(await mlflow.Get("experiments/get"), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE")
            .ShouldContain("experiment_id");
    }

    [Fact]
    public async Task DeleteRestoreUpdateTag_AndSearchByViewType()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var a = await mlflow.CreateExperiment("alpha");
        var b = await mlflow.CreateExperiment("beta");

        (await mlflow.Ok("POST", "experiments/set-experiment-tag", $$"""{"experiment_id": "{{a}}", "key": "stage", "value": "dev"}""")).ToString().ShouldBe("{}");
        (await mlflow.Ok("POST", "experiments/update", $$"""{"experiment_id": "{{a}}", "new_name": "alpha2"}""")).ToString().ShouldBe("{}");
        (await mlflow.Ok("POST", "experiments/delete", $$"""{"experiment_id": "{{b}}"}""")).ToString().ShouldBe("{}");

        var active = await mlflow.Ok("POST", "experiments/search", """{"max_results": 10}""");
        Names(active).ShouldBe(["alpha2", "Default"], ignoreOrder: true);
        var deleted = await mlflow.Ok("POST", "experiments/search", """{"view_type": "DELETED_ONLY"}""");
        Names(deleted).ShouldBe(["beta"]);
        deleted.GetProperty("experiments")[0].GetProperty("lifecycle_stage").GetString().ShouldBe("deleted");

        var filtered = await mlflow.Ok("POST", "experiments/search", """{"filter": "tags.stage = 'dev'", "order_by": ["name ASC"]}""");
        Names(filtered).ShouldBe(["alpha2"]);
        var viaGet = await mlflow.Ok("GET", "experiments/search?filter=name%20LIKE%20%27alpha%25%27&view_type=ALL");
        Names(viaGet).ShouldBe(["alpha2"]);

        (await mlflow.Ok("POST", "experiments/restore", $$"""{"experiment_id": "{{b}}"}""")).ToString().ShouldBe("{}");
        var all = await mlflow.Ok("POST", "experiments/search", """{"order_by": ["name ASC"]}""");
        Names(all).ShouldBe(["Default", "alpha2", "beta"]); // ordinal order
    }

    [Fact]
    public async Task Search_PageToken_RoundTrip()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        foreach (var name in new[] { "e1", "e2", "e3", "e4", "e5" })
        {
            await mlflow.CreateExperiment(name);
        }

        List<string> seen = [];
        string? token = null;
        do
        {
            var body = token is null
                ? """{"max_results": 2, "filter": "name LIKE 'e%'", "order_by": ["name DESC"]}"""
                : $$"""{"max_results": 2, "filter": "name LIKE 'e%'", "order_by": ["name DESC"], "page_token": "{{token}}"}""";
            var page = await mlflow.Ok("POST", "experiments/search", body);
            seen.AddRange(Names(page));
            token = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        seen.ShouldBe(["e5", "e4", "e3", "e2", "e1"]);
    }

    private static List<string> Names(JsonElement answer) =>
        [.. answer.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];
}
