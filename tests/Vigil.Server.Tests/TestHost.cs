using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Vigil.Testing;
using Xunit;

namespace Vigil.Server.Tests;

/// <summary>A started in-process server over a scratch data directory, with an HTTP client to it.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private TestHost(TempDirectory dir, VigilServer server)
    {
        _dir = dir;
        Server = server;
        Client = server.App.GetTestClient();
    }

    public VigilServer Server { get; }

    public HttpClient Client { get; }

    public string DataDirectory => Server.Options.DataDirectory;

    public static async Task<TestHost> StartAsync(Action<WebApplication>? mapExtra = null, long? maxUploadBytes = null, Action<WebApplicationBuilder>? configure = null)
    {
        var dir = new TempDirectory();
        try
        {
            var options = new VigilServerOptions(
                Path.Combine(dir.Path, ".vigil"),
                maxUploadBytes: maxUploadBytes ?? VigilServerOptions.DefaultMaxUploadBytes);
            var server = VigilServer.Create(options, new FakeTimeProvider(), b =>
            {
                b.WebHost.UseTestServer();
                configure?.Invoke(b);
            }, mapExtra);
            await server.StartAsync(TestContext.Current.CancellationToken);
            return new TestHost(dir, server);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    public static MultipartFormDataContent Upload(string csv, string? name, string fileName = "sensors.csv", string? target = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        if (target is not null)
        {
            form.Add(new StringContent(target), "target");
        }

        return form;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync(CancellationToken.None);
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>Reads JSON answers.</summary>
internal static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: body is not JSON ({ex.Message}): {text}", ex);
        }
    }

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
