using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Vigil.Server.Errors;
using Xunit;
using static Vigil.Server.Tests.Endpoints.DatasetEndpointsTests;

namespace Vigil.Server.Tests.Errors;

public sealed class ApiErrorMiddlewareTests
{
    private sealed record EchoBody(string Name, int Count);

    // Test-only endpoints that fail in each way later endpoint code can.
    private static void MapProbes(WebApplication app)
    {
        app.MapPost("/api/test/echo", (EchoBody body) => TypedResults.Ok(body));
        app.MapGet("/api/test/argument", string () => throw new ArgumentException("count must be positive", "count"));
        app.MapGet("/api/test/missing", string () => throw new KeyNotFoundException("No run 'r1'."));
        app.MapGet("/api/test/exists", string () => throw ApiError.AlreadyExists("Experiment 'e' already exists.").ToException());
        app.MapGet("/api/test/state", string () => throw ApiError.InvalidState("Run 'r1' is deleted.").ToException());
        app.MapGet("/api/test/bug", string () => throw new InvalidOperationException("secret connection string"));
        app.MapGet("/api/test/result", () => ApiError.NotFound("returned, not thrown").ToResult());
    }

    [Fact]
    public async Task MalformedJsonBody_Answers400MalformedRequest()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.PostJsonTextAsync("/api/test/echo", """{"name": "a", "count": """);

        await ShouldBeError(response, HttpStatusCode.BadRequest, "MALFORMED_REQUEST", "JSON");
    }

    [Fact]
    public async Task JsonOfWrongType_Answers400()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.PostJsonTextAsync("/api/test/echo", """{"name": "a", "count": {"x": 1}}""");

        await ShouldBeError(response, HttpStatusCode.BadRequest, "MALFORMED_REQUEST", "count");
    }

    [Fact]
    public async Task EmptyJsonBody_Answers400()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.PostJsonTextAsync("/api/test/echo", "");

        ((int)response.StatusCode).ShouldBe(400);
        (await response.JsonAsync()).Str("error_code").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task NonJsonContentType_Answers415BadRequest()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.PostAsync("/api/test/echo", new StringContent("name=a", System.Text.Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.UnsupportedMediaType, "BAD_REQUEST", "");
    }

    [Fact]
    public async Task ValidJsonBody_SnakeCaseRoundTrip()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.PostJsonTextAsync("/api/test/echo", """{"name": "a", "count": "3"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await response.JsonAsync();
        doc.Str("name").ShouldBe("a");
        doc.GetProperty("count").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task ArgumentException_Answers400InvalidParameterWithoutParameterSuffix()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.GetAsync("/api/test/argument", TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "count must be positive");
        (await response.JsonAsync()).Str("message").ShouldNotContain("(Parameter");
    }

    [Fact]
    public async Task KeyNotFound_Answers404ResourceDoesNotExist()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        await ShouldBeError(await host.Client.GetAsync("/api/test/missing", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "r1");
    }

    [Fact]
    public async Task Conflict_Answers400ResourceAlreadyExists()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        await ShouldBeError(await host.Client.GetAsync("/api/test/exists", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS", "already exists");
    }

    [Fact]
    public async Task InvalidState_Answers400()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        await ShouldBeError(await host.Client.GetAsync("/api/test/state", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "INVALID_STATE", "deleted");
    }

    [Fact]
    public async Task ReturnedApiError_WritesSameBody()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        await ShouldBeError(await host.Client.GetAsync("/api/test/result", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "returned");
    }

    [Fact]
    public async Task UnexpectedException_Answers500WithoutLeakingTheMessage()
    {
        await using var host = await TestHost.StartAsync(MapProbes);

        var response = await host.Client.GetAsync("/api/test/bug", TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.InternalServerError, "INTERNAL_ERROR", "InvalidOperationException");
        (await response.JsonAsync()).Str("message").ShouldNotContain("secret");
    }

    [Theory]
    [InlineData("GET", "/api/2.0/mlflow/experiments/nope")]
    [InlineData("POST", "/api/2.0/mlflow/runs/no-such-endpoint")]
    [InlineData("GET", "/api/2.0/mlflow")]
    public async Task UnknownMlflowEndpoint_Answers404EndpointNotFound(string method, string path)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND", $"{method} {path}");
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/nope.txt")]
    public async Task UnknownEndpoint_Answers404JsonEndpointNotFound(string path)
    {
        await using var host = await TestHost.StartAsync();

        await ShouldBeError(await host.Client.GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND", path);
    }

    [Fact]
    public async Task WrongMethod_Answers405JsonEndpointNotFound()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.DeleteAsync("/api/datasets", TestContext.Current.CancellationToken);

        await ShouldBeError(response, HttpStatusCode.MethodNotAllowed, "ENDPOINT_NOT_FOUND", "DELETE");
    }
}
