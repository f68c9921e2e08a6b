using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Vigil.Tracking.Sql;

namespace Vigil.Server;

/// <summary>
/// A Vigil HTTP server over one data directory's store: Vigil's API under <c>/api</c>, MLflow's under <c>/api/2.0/mlflow</c>,
/// health (<c>/health</c>, <c>/healthz</c>, <c>/ready</c>, <c>/readyz</c>, <c>/v2/health/*</c>) and the OpenAPI document at
/// <c>/openapi/v1.json</c>. Create, start, wait for shutdown (Ctrl-C, SIGTERM or the token), dispose.
/// </summary>
public sealed class VigilServer : IAsyncDisposable
{
    private readonly VigilStore _store;
    private bool _disposed;

    private VigilServer(WebApplication app, VigilStore store, VigilServerOptions options)
    {
        App = app;
        _store = store;
        Options = options;
    }

    /// <summary>The ASP.NET Core application (services, pipeline, lifetime).</summary>
    public WebApplication App { get; }

    /// <summary>The options the server was created with.</summary>
    public VigilServerOptions Options { get; }

    /// <summary>The server's version: the assembly's informational version (as <c>GET /v2</c> reports it).</summary>
    public static string Version =>
        typeof(VigilServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VigilServer).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The addresses the server listens on once started (port 0 replaced by the chosen port).</summary>
    public IReadOnlyList<string> Addresses =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>
    /// Opens the store (a bad store URI throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/> here, before
    /// any port is bound) and builds the application. <paramref name="configureBuilder"/> runs after Vigil's registrations (tests
    /// swap in a test server there); <paramref name="configureApp"/> runs after Vigil's routes are mapped.
    /// </summary>
    public static VigilServer Create(
        VigilServerOptions options,
        TimeProvider time,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? configureApp = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var store = VigilStore.Open(options.DataDirectory, options.StoreUri, time);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                // No file watchers on appsettings.json: each one costs an inotify instance, and many hosts (tests) exhaust them.
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
                ApplicationName = typeof(VigilServer).Assembly.GetName().Name,
            });

            // stdout belongs to the CLI's results (one JSON line under --json): every log line goes to stderr.
            // The level setting is the console's default; a category rule in the host's Logging configuration still refines it.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(options.LogLevel);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, options.LogLevel);

            builder.AddVigilServer(options, store, time);
            configureBuilder?.Invoke(builder);
            var app = builder.Build();
            app.MapVigilServer();
            configureApp?.Invoke(app);
            return new VigilServer(app, store, options);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Binds the URLs and starts answering requests.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    /// <summary>Waits until the host is asked to stop (Ctrl-C, SIGTERM, <see cref="StopAsync"/> or <paramref name="cancellationToken"/>), then stops it gracefully.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => App.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops accepting requests and drains in-flight ones for up to <see cref="VigilServerOptions.ShutdownTimeout"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    /// <summary>Disposes the application and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await App.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
