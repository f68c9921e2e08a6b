using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Serving.Hosting;

namespace Vigil.Server.Serving;

/// <summary>
/// Runs the <see cref="ModelHost"/> inside the server: loads and warms the configured models before the server answers
/// (a model that fails to load stops the start with its message), then polls the registry so a moved alias or a changed
/// routing tag is served within one poll interval without a restart.
/// </summary>
internal sealed class ModelServingService(ModelHost host, Metrics.ServingMetrics metrics, ILogger<ModelServingService> logger) : BackgroundService
{
    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (name, endpoint) in host.Endpoints)
        {
            metrics.OnServing(endpoint);
            logger.LogInformation("Serving {Name} version {Version} ({Reference})", name, endpoint.PrimaryIdentity.Version, endpoint.Reference);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await host.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
