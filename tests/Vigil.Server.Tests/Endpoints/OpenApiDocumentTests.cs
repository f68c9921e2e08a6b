using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Endpoints;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task OpenApi_Document_IsOpenApi3ListingTheRoutes()
    {
        // A route mapped after Vigil's own (as the prediction endpoints will be) is described too.
        await using var host = await TestHost.StartAsync(app => app.MapGet("/api/test/later", () => TypedResults.Ok("later")));

        var response = await host.Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var doc = await response.JsonAsync();
        doc.Str("openapi").ShouldStartWith("3.");
        doc.GetProperty("info").Str("title").ShouldBe("Vigil");
        doc.GetProperty("info").Str("version").ShouldBe(VigilServer.Version);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
        {
            "/health", "/healthz", "/ready", "/readyz", "/v2", "/v2/health/live", "/v2/health/ready",
            "/api/datasets", "/api/datasets/{name}", "/api/datasets/{name}/versions/{version}",
            "/api/2.0/mlflow/runs/create", "/api/test/later",
        })
        {
            paths.ShouldContain(path);
        }

        var healthz = doc.GetProperty("paths").GetProperty("/healthz");
        healthz.TryGetProperty("get", out var get).ShouldBeTrue();
        get.GetProperty("responses").TryGetProperty("200", out _).ShouldBeTrue();
        doc.GetProperty("paths").GetProperty("/api/datasets").TryGetProperty("post", out _).ShouldBeTrue();
        paths.ShouldNotContain(p => p.StartsWith("/openapi", StringComparison.Ordinal));
    }
}
