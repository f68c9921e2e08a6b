using System.Net;
using System.Text;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Mlflow;

public sealed class MlflowArtifactEndpointsTests
{
    private const string Artifacts = "/api/2.0/mlflow-artifacts/artifacts";

    [Fact]
    public async Task UploadListDownload_RunArtifacts()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);
        var ct = TestContext.Current.CancellationToken;
        var exp = await mlflow.CreateExperiment("art");
        var run = await mlflow.CreateRun(exp);
        var root = $"{exp}/{run}/artifacts";

        using (var put = await host.Client.PutAsync($"{Artifacts}/{root}/model/MLmodel", new StringContent("flavors: {}", Encoding.UTF8), ct))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await put.JsonAsync()).ToString().ShouldBe("{}");
        }

        using (var put = await host.Client.PutAsync($"{Artifacts}/{root}/metrics.csv", new ByteArrayContent([1, 2, 3]), ct))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var listing = await mlflow.Ok("GET", $"{Artifacts}?path={root}");
        var files = listing.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).ShouldBe(["metrics.csv", "model"]);
        files[0].GetProperty("is_dir").GetBoolean().ShouldBeFalse();
        files[0].GetProperty("file_size").GetInt64().ShouldBe(3);
        files[1].GetProperty("is_dir").GetBoolean().ShouldBeTrue();
        files[1].TryGetProperty("file_size", out _).ShouldBeFalse();

        using (var get = await host.Client.GetAsync($"{Artifacts}/{root}/model/MLmodel", ct))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await get.Content.ReadAsStringAsync(ct)).ShouldBe("flavors: {}");
        }

        var runList = await mlflow.Ok("GET", $"artifacts/list?run_id={run}&path=model");
        runList.GetProperty("root_uri").GetString().ShouldBe($"mlflow-artifacts:/{root}");
        runList.GetProperty("files")[0].GetProperty("path").GetString().ShouldBe("model/MLmodel");

        MlflowClient.ShouldBeError(await mlflow.Get($"{Artifacts}/{root}/missing.bin"), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    // Literal and %2E-encoded dot segments are removed by URI normalization before routing (they never reach the endpoint);
    // encoded slashes and backslashes do reach it and must be refused.
    [Theory]
    [InlineData("%2Fetc%2Fescape.txt")]
    [InlineData("a/..%2F..%2F..%2Fescape.txt")]
    [InlineData("a/%5C..%5Cescape.txt")]
    public async Task Upload_PathTraversal_Is400_AndWritesNothing(string path)
    {
        await using var host = await TestHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"http://localhost{Artifacts}/{path}", UriKind.Absolute))
        {
            Content = new StringContent("pwned"),
        };
        using var response = await host.Client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Str("error_code").ShouldBe("INVALID_PARAMETER_VALUE");
        Directory.EnumerateFiles(Path.GetDirectoryName(host.DataDirectory)!, "escape.txt", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_PathTraversal_Is400()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);

        MlflowClient.ShouldBeError(await mlflow.Get($"{Artifacts}?path=../../etc"), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        MlflowClient.ShouldBeError(await mlflow.Get($"{Artifacts}?path=/etc"), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }
}
