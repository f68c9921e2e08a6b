using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Endpoints;

public sealed class DatasetEndpointsTests
{
    // Line 4 has two fields where the header has three: it is quarantined, the other 20 rows are accepted.
    private static readonly string CsvWithOneBadRow = "temp,rpm,failure\n" + string.Join('\n',
        Enumerable.Range(0, 21).Select(i => i == 2 ? "777,1500" : $"{300 + i},{1500 + i},{i % 2}")) + "\n";

    [Fact]
    public async Task Upload_CsvWithOneBadRow_RegistersVersionAndReportsQuarantinedRow()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.PostAsync("/api/datasets", TestHost.Upload(CsvWithOneBadRow, "sensors", target: "failure"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        response.Headers.Location!.ToString().ShouldBe("/api/datasets/sensors/versions/1");
        var doc = await response.JsonAsync();
        doc.GetProperty("reused").GetBoolean().ShouldBeFalse();
        var dataset = doc.GetProperty("dataset");
        dataset.Str("reference").ShouldBe("sensors@1");
        dataset.GetProperty("rows").GetInt64().ShouldBe(20);
        dataset.GetProperty("quarantined_rows").GetInt64().ShouldBe(1);
        dataset.Str("target").ShouldBe("failure");
        dataset.Str("source").ShouldBe("upload:sensors.csv");
        dataset.GetProperty("schema").GetArrayLength().ShouldBe(3);
        doc.GetProperty("quarantined_rows").GetInt64().ShouldBe(1);
        var row = doc.GetProperty("quarantined").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("line").GetInt64().ShouldBe(4);
        row.Str("reason").ShouldNotBeNullOrWhiteSpace();
        var quarantineFile = doc.Str("quarantine_file");
        quarantineFile.ShouldBe("quarantine/sensors-v1.csv");
        File.ReadAllText(Path.Combine(host.DataDirectory, quarantineFile)).ShouldContain("777,1500");
        Directory.GetFiles(Path.Combine(host.DataDirectory, "uploads")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_SameContentTwice_ReusesVersionWith200()
    {
        await using var host = await TestHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        (await host.Client.PostAsync("/api/datasets", TestHost.Upload(CsvWithOneBadRow, "d"), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await host.Client.PostAsync("/api/datasets", TestHost.Upload(CsvWithOneBadRow, "d"), ct);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await again.JsonAsync();
        doc.GetProperty("reused").GetBoolean().ShouldBeTrue();
        doc.GetProperty("dataset").GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ListAndShow_AfterTwoVersions_ReturnVersionsAndProfiles()
    {
        await using var host = await TestHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        (await host.Client.PostAsync("/api/datasets", TestHost.Upload("a,b\n1,2\n3,4\n", "d"), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.Client.PostAsync("/api/datasets", TestHost.Upload("a,b\n1,2\n3,5\n", "d"), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.Client.PostAsync("/api/datasets", TestHost.Upload("x\n1\n", "other"), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var all = await (await host.Client.GetAsync("/api/datasets", ct)).JsonAsync();
        var onlyD = await (await host.Client.GetAsync("/api/datasets?name=d", ct)).JsonAsync();
        var latest = await host.Client.GetAsync("/api/datasets/d", ct);
        var first = await host.Client.GetAsync("/api/datasets/d/versions/1", ct);

        all.GetProperty("datasets").EnumerateArray().Select(e => e.Str("reference")).ShouldBe(["d@1", "d@2", "other@1"]);
        all.GetProperty("datasets")[0].TryGetProperty("profile", out _).ShouldBeFalse();
        onlyD.GetProperty("datasets").GetArrayLength().ShouldBe(2);
        latest.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await latest.JsonAsync()).GetProperty("version").GetInt32().ShouldBe(2);
        var firstDoc = await first.JsonAsync();
        firstDoc.GetProperty("version").GetInt32().ShouldBe(1);
        firstDoc.GetProperty("rows").GetInt64().ShouldBe(2);
        firstDoc.GetProperty("profile").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Upload_TargetNotInFile_Answers400NamingTheColumn()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.PostAsync("/api/datasets", TestHost.Upload("a,b\n1,2\n", "d", target: "label"), TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "label");
    }

    [Fact]
    public async Task Upload_MissingName_Answers400()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.PostAsync("/api/datasets", TestHost.Upload("a\n1\n", name: null), TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "name");
    }

    [Fact]
    public async Task Upload_NotMultipart_Answers400()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.PostJsonTextAsync("/api/datasets", """{"name":"d"}""");

        await ShouldBeError(response, HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "multipart");
    }

    [Fact]
    public async Task Upload_OverTheLimit_Answers413()
    {
        await using var host = await TestHost.StartAsync(maxUploadBytes: 1024);

        var response = await host.Client.PostAsync("/api/datasets", TestHost.Upload("a\n" + string.Concat(Enumerable.Repeat("1\n", 2000)), "d"), TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_LIMIT_EXCEEDED", "");
    }

    [Fact]
    public async Task Show_UnknownDatasetOrVersion_Answers404()
    {
        await using var host = await TestHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        (await host.Client.PostAsync("/api/datasets", TestHost.Upload("a\n1\n", "d"), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await ShouldBeError(await host.Client.GetAsync("/api/datasets/nope", ct), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "nope");
        await ShouldBeError(await host.Client.GetAsync("/api/datasets/d/versions/7", ct), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "version 7");
    }

    [Fact]
    public async Task Show_InvalidNameOrVersion_Answers400()
    {
        await using var host = await TestHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await ShouldBeError(await host.Client.GetAsync("/api/datasets/d/versions/latest", ct), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "latest");
        await ShouldBeError(await host.Client.GetAsync("/api/datasets/d/versions/0", ct), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "positive");
        await ShouldBeError(await host.Client.GetAsync("/api/datasets/bad%20name", ct), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "bad name");
        await ShouldBeError(await host.Client.GetAsync("/api/datasets?name=a%2Fb", ct), HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "a/b");
    }

    internal static async Task ShouldBeError(HttpResponseMessage response, HttpStatusCode status, string code, string messagePart)
    {
        var doc = await response.JsonAsync();
        ((int)response.StatusCode).ShouldBe((int)status, doc.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        doc.Str("error_code").ShouldBe(code);
        doc.Str("message").ShouldContain(messagePart);
    }
}
