using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Vigil.Server.Configuration;
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

    [Fact]
    public async Task StopAsync_SlowRequestInFlight_CompletesItAndRefusesNewConnections()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        // The drain time comes from the settings, as `vigil server` builds it.
        var settings = ServerSettingsLoader.Load(
            new ServerFlags { DataDir = dir.Path, Urls = "http://127.0.0.1:0" },
            new Dictionary<string, string?> { ["SHUTDOWN_TIMEOUT"] = "60" });
        var slow = new SlowEndpoint();
        await using var server = VigilServer.Create(settings.Options, new FakeTimeProvider(), configureApp: slow.Map);
        await server.StartAsync(ct);
        server.App.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        var url = new Uri(server.Addresses.ShouldHaveSingleItem());
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

        var inFlight = http.GetAsync("/test/slow", ct);
        await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var stopping = server.StopAsync(ct);
        try
        {
            // While the slow request holds the drain open, the listener is closed: a new connection is refused.
            (await ConnectionRefusedEventuallyAsync(url.Port, ct)).ShouldBeTrue("the port still accepted connections while draining");
            stopping.IsCompleted.ShouldBeFalse("StopAsync finished before the in-flight request did");
            inFlight.IsCompleted.ShouldBeFalse();
        }
        finally
        {
            slow.Release.TrySetResult();
        }

        using var response = await inFlight;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(ct)).ShouldBe("finished");
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), ct);
        (await ConnectionRefusedEventuallyAsync(url.Port, ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task StopAsync_RequestOutlivesShutdownTimeout_IsAbortedAndStopCompletes()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var options = new VigilServerOptions(dir.Path, urls: ["http://127.0.0.1:0"], shutdownTimeout: TimeSpan.FromMilliseconds(200));
        var slow = new SlowEndpoint();
        await using var server = VigilServer.Create(options, new FakeTimeProvider(), configureApp: slow.Map);
        await server.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(server.Addresses.ShouldHaveSingleItem()), Timeout = TimeSpan.FromSeconds(30) };

        var inFlight = http.GetAsync("/test/slow", ct);
        await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        try
        {
            // Never released: the stop gives up after the shutdown timeout and cuts the request.
            await server.StopAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            await Should.ThrowAsync<HttpRequestException>(() => inFlight.WaitAsync(TimeSpan.FromSeconds(30), ct));
            slow.Aborted.Task.IsCompleted.ShouldBeTrue();
        }
        finally
        {
            slow.Release.TrySetResult();
        }
    }

    // Bounded polling (no wall-time assertion): Kestrel closes its listener at the start of StopAsync, on another thread.
    private static async Task<bool> ConnectionRefusedEventuallyAsync(int port, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, ct);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), TimeProvider.System, ct);
        }

        return false;
    }

    /// <summary>A test-only <c>GET /test/slow</c> that signals when it starts and answers "finished" once released.</summary>
    private sealed class SlowEndpoint
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Map(WebApplication app) => app.MapGet("/test/slow", async (HttpContext http) =>
        {
            Entered.TrySetResult();
            try
            {
                await Release.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Aborted.TrySetResult();
                throw;
            }

            return "finished";
        });
    }
}
