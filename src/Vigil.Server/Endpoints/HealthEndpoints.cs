using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Hosting;

namespace Vigil.Server.Endpoints;

/// <summary><c>GET /health</c> (liveness: the process answers) and <c>GET /ready</c> (started, not stopping, every <see cref="IReadinessCheck"/> passes).</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health routes.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/health", Live).WithName("health");
        routes.MapGet("/ready", Ready).WithName("ready");
        return routes;
    }

    private static Ok<HealthDocument> Live() => TypedResults.Ok(new HealthDocument("ok"));

    private static async Task<Results<Ok<HealthDocument>, JsonHttpResult<HealthDocument>>> Ready(
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

        return reasons.Count == 0
            ? TypedResults.Ok(new HealthDocument("ready"))
            : TypedResults.Json(new HealthDocument("not_ready", reasons), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
