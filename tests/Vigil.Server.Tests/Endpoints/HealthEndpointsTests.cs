using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Vigil.Server.Hosting;
using Xunit;

namespace Vigil.Server.Tests.Endpoints;

public sealed class HealthEndpointsTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/healthz")]
    public async Task Liveness_RunningServer_AnswersOk(string path)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("status").ShouldBe("ok");
    }

    [Theory]
    [InlineData("/ready")]
    [InlineData("/readyz")]
    public async Task Readiness_StartedWithOpenStore_AnswersReady(string path)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("status").ShouldBe("ready");
    }

    [Theory]
    [InlineData("/ready")]
    [InlineData("/readyz")]
    public async Task Readiness_StoreClosed_Answers503WithReason(string path)
    {
        await using var host = await TestHost.StartAsync();
        // Closing the store underneath the server makes the store check fail.
        ((Tracking.Sql.VigilStore)host.Server.App.Services.GetService(typeof(Tracking.Sql.VigilStore))!).Dispose();

        var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var doc = await response.JsonAsync();
        doc.Str("status").ShouldBe("not_ready");
        doc.GetProperty("reasons")[0].GetString()!.ShouldStartWith("store:");
    }

    [Fact]
    public async Task Readyz_OneCheckFails_Answers503NamingOnlyThatCheck()
    {
        await using var host = await TestHost.StartAsync(configure: b =>
        {
            b.Services.AddSingleton<IReadinessCheck>(new StubCheck("models", null));
            b.Services.AddSingleton<IReadinessCheck>(new StubCheck("pdm", "pdm@champion not loaded"));
        });

        var response = await host.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var doc = await response.JsonAsync();
        doc.Str("status").ShouldBe("not_ready");
        doc.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["pdm: pdm@champion not loaded"]);
    }

    [Fact]
    public async Task Healthz_ReadinessFails_StillOk()
    {
        await using var host = await TestHost.StartAsync(configure: b => b.Services.AddSingleton<IReadinessCheck>(new StubCheck("models", "loading")));

        var response = await host.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A readiness check with a fixed answer: null = passes.</summary>
    internal sealed class StubCheck(string name, string? failure) : IReadinessCheck
    {
        public string Name => name;

        public ValueTask<string?> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(failure);
    }
}
