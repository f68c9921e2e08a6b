using System.Net;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Endpoints;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Health_RunningServer_AnswersOk()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("status").ShouldBe("ok");
    }

    [Fact]
    public async Task Ready_StartedWithOpenStore_AnswersReady()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync("/ready", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("status").ShouldBe("ready");
    }

    [Fact]
    public async Task Ready_StoreClosed_Answers503WithReason()
    {
        await using var host = await TestHost.StartAsync();
        // Closing the store underneath the server makes the store check fail.
        ((Tracking.Sql.VigilStore)host.Server.App.Services.GetService(typeof(Tracking.Sql.VigilStore))!).Dispose();

        var response = await host.Client.GetAsync("/ready", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var doc = await response.JsonAsync();
        doc.Str("status").ShouldBe("not_ready");
        doc.GetProperty("reasons")[0].GetString()!.ShouldStartWith("store:");
    }
}
