using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Vigil.Server.Hosting;
using Xunit;
using static Vigil.Server.Tests.Endpoints.HealthEndpointsTests;

namespace Vigil.Server.Tests.Endpoints;

public sealed class V2ServerEndpointsTests
{
    [Fact]
    public async Task Live_RunningServer_LiveTrue()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync("/v2/health/live", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("live").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Ready_AllChecksPass_ReadyTrue()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync("/v2/health/ready", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("ready").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Ready_CheckFails_503ReadyFalse()
    {
        await using var host = await TestHost.StartAsync(configure: b => b.Services.AddSingleton<IReadinessCheck>(new StubCheck("models", "loading")));

        var response = await host.Client.GetAsync("/v2/health/ready", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.JsonAsync()).GetProperty("ready").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Metadata_NameVersionAndNoExtensions()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync("/v2", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await response.JsonAsync();
        doc.Str("name").ShouldBe("vigil");
        doc.Str("version").ShouldBe(VigilServer.Version);
        doc.Str("version").ShouldNotBeNullOrWhiteSpace();
        doc.GetProperty("extensions").ValueKind.ShouldBe(JsonValueKind.Array);
        doc.GetProperty("extensions").GetArrayLength().ShouldBe(0);
    }
}
