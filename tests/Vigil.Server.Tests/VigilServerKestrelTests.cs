using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Vigil.Testing;
using Xunit;
using static Vigil.Server.Tests.Endpoints.DatasetEndpointsTests;

namespace Vigil.Server.Tests;

/// <summary>The server on a real Kestrel socket (loopback, free port): binding, limits and graceful stop.</summary>
public sealed class VigilServerKestrelTests
{
    [Fact]
    public async Task Kestrel_FreePort_AnswersAndEnforcesBodyLimit()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var options = new VigilServerOptions(dir.Path, urls: ["http://127.0.0.1:0"], maxRequestBodyBytes: 1024);
        await using var server = VigilServer.Create(options, new FakeTimeProvider(), configureApp: app =>
            app.MapPost("/api/test/echo", async (HttpRequest request) => (await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted)).Length));
        await server.StartAsync(ct);
        try
        {
            var url = server.Addresses.ShouldHaveSingleItem();
            url.ShouldNotEndWith(":0");
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };

            (await http.GetAsync("/health", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var small = await http.PostAsync("/api/test/echo", new StringContent(new string('x', 100), Encoding.UTF8, "application/json"), ct);
            small.StatusCode.ShouldBe(HttpStatusCode.OK);
            var big = await http.PostAsync("/api/test/echo", new StringContent(new string('x', 5000), Encoding.UTF8, "application/json"), ct);
            await ShouldBeError(big, HttpStatusCode.RequestEntityTooLarge, "REQUEST_LIMIT_EXCEEDED", "");
        }
        finally
        {
            await server.StopAsync(ct);
        }
    }
}
