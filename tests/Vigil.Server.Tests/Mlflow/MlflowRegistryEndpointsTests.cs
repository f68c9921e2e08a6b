using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Mlflow;

public sealed class MlflowRegistryEndpointsTests
{
    [Fact]
    public async Task RegisteredModels_CreateGetRenameUpdateTagsSearchDelete()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);

        var model = (await mlflow.Ok("POST", "registered-models/create",
            """{"name": "rul", "description": "RUL model", "tags": [{"key": "owner", "value": "ada"}]}""")).GetProperty("registered_model");
        model.GetProperty("name").GetString().ShouldBe("rul");
        model.GetProperty("description").GetString().ShouldBe("RUL model");
        model.GetProperty("creation_timestamp").ValueKind.ShouldBe(JsonValueKind.Number);
        model.GetProperty("last_updated_timestamp").ValueKind.ShouldBe(JsonValueKind.Number);
        model.GetProperty("tags")[0].GetProperty("key").GetString().ShouldBe("owner");

        MlflowClient.ShouldBeError(await mlflow.Post("registered-models/create", """{"name": "rul"}"""), HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS");

        var renamed = (await mlflow.Ok("POST", "registered-models/rename", """{"name": "rul", "new_name": "rul-v2"}""")).GetProperty("registered_model");
        renamed.GetProperty("name").GetString().ShouldBe("rul-v2");
        var updated = (await mlflow.Ok("PATCH", "registered-models/update", """{"name": "rul-v2", "description": "new"}""")).GetProperty("registered_model");
        updated.GetProperty("description").GetString().ShouldBe("new");

        (await mlflow.Ok("POST", "registered-models/set-tag", """{"name": "rul-v2", "key": "tier", "value": "gold"}""")).ToString().ShouldBe("{}");
        (await mlflow.Ok("DELETE", "registered-models/delete-tag", """{"name": "rul-v2", "key": "owner"}""")).ToString().ShouldBe("{}");
        var got = (await mlflow.Ok("GET", "registered-models/get?name=rul-v2")).GetProperty("registered_model");
        got.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("key").GetString()).ShouldBe(["tier"]);

        await mlflow.Ok("POST", "registered-models/create", """{"name": "other"}""");
        var search = await mlflow.Ok("GET", "registered-models/search?filter=name%20LIKE%20%27rul%25%27&max_results=5");
        search.GetProperty("registered_models").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe(["rul-v2"]);

        (await mlflow.Ok("DELETE", "registered-models/delete", """{"name": "rul-v2"}""")).ToString().ShouldBe("{}");
        MlflowClient.ShouldBeError(await mlflow.Get("registered-models/get?name=rul-v2"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task ModelVersions_CreateGetUpdateTagsSearchDownloadUriDelete()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var exp = await mlflow.CreateExperiment("reg");
        var run = await mlflow.CreateRun(exp);
        await mlflow.Ok("POST", "registered-models/create", """{"name": "rul"}""");

        var v1 = (await mlflow.Ok("POST", "model-versions/create", $$"""
            {"name": "rul", "source": "runs:/{{run}}/model", "run_id": "{{run}}", "description": "first",
             "tags": [{"key": "k", "value": "v"}], "run_link": "http://x/run"}
            """)).GetProperty("model_version");
        v1.GetProperty("version").ValueKind.ShouldBe(JsonValueKind.String);
        v1.GetProperty("version").GetString().ShouldBe("1");
        v1.GetProperty("current_stage").GetString().ShouldBe("None");
        v1.GetProperty("status").GetString().ShouldBe("READY");
        v1.GetProperty("source").GetString().ShouldBe($"runs:/{run}/model");
        v1.GetProperty("run_id").GetString().ShouldBe(run);
        v1.GetProperty("run_link").GetString().ShouldBe("http://x/run");
        v1.GetProperty("creation_timestamp").ValueKind.ShouldBe(JsonValueKind.Number);

        var v2 = (await mlflow.Ok("POST", "model-versions/create", """{"name": "rul", "source": "mlflow-artifacts:/x/model"}""")).GetProperty("model_version");
        v2.GetProperty("version").GetString().ShouldBe("2");

        var got = (await mlflow.Ok("GET", "model-versions/get?name=rul&version=1")).GetProperty("model_version");
        got.GetProperty("description").GetString().ShouldBe("first");
        var patched = (await mlflow.Ok("PATCH", "model-versions/update", """{"name": "rul", "version": "1", "description": "better"}""")).GetProperty("model_version");
        patched.GetProperty("description").GetString().ShouldBe("better");

        await mlflow.Ok("POST", "model-versions/set-tag", """{"name": "rul", "version": "2", "key": "ok", "value": "yes"}""");
        await mlflow.Ok("DELETE", "model-versions/delete-tag", """{"name": "rul", "version": "1", "key": "k"}""");
        (await mlflow.Ok("GET", "model-versions/get?name=rul&version=1")).GetProperty("model_version").GetProperty("tags").GetArrayLength().ShouldBe(0);

        var byRun = await mlflow.Ok("GET", $"model-versions/search?filter=run_id%3D%27{run}%27");
        byRun.GetProperty("model_versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()).ShouldBe(["1"]);
        var byName = await mlflow.Ok("GET", "model-versions/search?filter=name%3D%27rul%27");
        byName.GetProperty("model_versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()).ShouldBe(["2", "1"]);

        var uri = (await mlflow.Ok("GET", "model-versions/get-download-uri?name=rul&version=1")).GetProperty("artifact_uri").GetString();
        uri.ShouldBe($"mlflow-artifacts:/{exp}/{run}/artifacts/model");

        (await mlflow.Ok("DELETE", "model-versions/delete", """{"name": "rul", "version": "2"}""")).ToString().ShouldBe("{}");
        MlflowClient.ShouldBeError(await mlflow.Get("model-versions/get?name=rul&version=2"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        MlflowClient.ShouldBeError(await mlflow.Get("model-versions/get?name=rul&version=abc"), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE")
            .ShouldContain("version");
    }

    [Fact]
    public async Task Alias_SetGetDelete()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        await mlflow.Ok("POST", "registered-models/create", """{"name": "rul"}""");
        await mlflow.Ok("POST", "model-versions/create", """{"name": "rul", "source": "s1"}""");
        await mlflow.Ok("POST", "model-versions/create", """{"name": "rul", "source": "s2"}""");

        (await mlflow.Ok("POST", "registered-models/alias", """{"name": "rul", "alias": "champion", "version": "1"}""")).ToString().ShouldBe("{}");
        var champion = (await mlflow.Ok("GET", "registered-models/alias?name=rul&alias=champion")).GetProperty("model_version");
        champion.GetProperty("version").GetString().ShouldBe("1");
        champion.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ShouldBe(["champion"]);

        await mlflow.Ok("POST", "registered-models/alias", """{"name": "rul", "alias": "champion", "version": "2"}""");
        var model = (await mlflow.Ok("GET", "registered-models/get?name=rul")).GetProperty("registered_model");
        var alias = model.GetProperty("aliases").EnumerateArray().Single();
        alias.GetProperty("alias").GetString().ShouldBe("champion");
        alias.GetProperty("version").GetString().ShouldBe("2");

        (await mlflow.Ok("DELETE", "registered-models/alias", """{"name": "rul", "alias": "champion"}""")).ToString().ShouldBe("{}");
        MlflowClient.ShouldBeError(await mlflow.Get("registered-models/alias?name=rul&alias=champion"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        MlflowClient.ShouldBeError(await mlflow.Post("registered-models/alias", """{"name": "rul", "alias": "x", "version": "9"}"""),
            HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task TransitionStage_ArchiveExistingVersions_AndLatestVersions()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        await mlflow.Ok("POST", "registered-models/create", """{"name": "rul"}""");
        for (var i = 0; i < 3; i++)
        {
            await mlflow.Ok("POST", "model-versions/create", """{"name": "rul", "source": "s"}""");
        }

        var v1 = (await mlflow.Ok("POST", "model-versions/transition-stage",
            """{"name": "rul", "version": "1", "stage": "Production", "archive_existing_versions": false}""")).GetProperty("model_version");
        v1.GetProperty("current_stage").GetString().ShouldBe("Production");
        await mlflow.Ok("POST", "model-versions/transition-stage", """{"name": "rul", "version": "3", "stage": "staging"}""");

        var v2 = (await mlflow.Ok("POST", "model-versions/transition-stage",
            """{"name": "rul", "version": "2", "stage": "Production", "archive_existing_versions": true}""")).GetProperty("model_version");
        v2.GetProperty("current_stage").GetString().ShouldBe("Production");
        (await mlflow.Ok("GET", "model-versions/get?name=rul&version=1")).GetProperty("model_version").GetProperty("current_stage").GetString()
            .ShouldBe("Archived");
        (await mlflow.Ok("GET", "model-versions/get?name=rul&version=3")).GetProperty("model_version").GetProperty("current_stage").GetString()
            .ShouldBe("Staging");

        var latest = await mlflow.Ok("POST", "registered-models/get-latest-versions", """{"name": "rul", "stages": ["Production"]}""");
        latest.GetProperty("model_versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()).ShouldBe(["2"]);
        var all = await mlflow.Ok("GET", "registered-models/get-latest-versions?name=rul");
        all.GetProperty("model_versions").GetArrayLength().ShouldBe(3);

        MlflowClient.ShouldBeError(await mlflow.Post("model-versions/transition-stage", """{"name": "rul", "version": "1", "stage": "Live"}"""),
            HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE").ShouldContain("Live");
    }
}
