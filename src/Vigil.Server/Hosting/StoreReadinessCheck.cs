using Vigil.Tracking.Datasets;

namespace Vigil.Server.Hosting;

/// <summary>Ready when the store answers a query.</summary>
internal sealed class StoreReadinessCheck(IDatasetStore datasets) : IReadinessCheck
{
    public string Name => "store";

    public async ValueTask<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await datasets.GetAsync("vigil-readiness-probe", 1, cancellationToken).ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // A readiness probe reports every failure as "not ready" instead of failing itself.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
