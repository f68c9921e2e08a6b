using Microsoft.Extensions.Hosting;

namespace Vigil.Server.Hosting;

/// <summary>The readiness rule shared by <c>/ready</c>, <c>/readyz</c> and <c>/v2/health/ready</c>: started, not stopping, every <see cref="IReadinessCheck"/> passes.</summary>
internal static class Readiness
{
    /// <summary>One "name: reason" line per failed condition; empty when ready.</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(
        IHostApplicationLifetime lifetime, IEnumerable<IReadinessCheck> checks, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            reasons.Add("host: starting");
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            reasons.Add("host: stopping");
        }

        foreach (var check in checks)
        {
            if (await check.CheckAsync(cancellationToken).ConfigureAwait(false) is { } reason)
            {
                reasons.Add($"{check.Name}: {reason}");
            }
        }

        return reasons;
    }
}
