using Vigil.Server.Hosting;
using Vigil.Serving.Hosting;

namespace Vigil.Server.Serving;

/// <summary>Ready once every configured model has a loaded, warmed version.</summary>
internal sealed class ModelsReadinessCheck(ModelHost host) : IReadinessCheck
{
    /// <inheritdoc/>
    public string Name => "models";

    /// <inheritdoc/>
    public ValueTask<string?> CheckAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(host.IsReady
            ? null
            : "not every configured model is loaded: " + string.Join(", ", host.Options.Models.Where(m => !host.Endpoints.ContainsKey(m.Name)).Select(m => m.ToString())));
}
