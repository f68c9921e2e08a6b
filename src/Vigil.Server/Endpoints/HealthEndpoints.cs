using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Hosting;

namespace Vigil.Server.Endpoints;

/// <summary>
/// Liveness and readiness: <c>GET /health</c> and Kubernetes-style <c>GET /healthz</c> (200 <c>{"status":"ok"}</c> while
/// the process answers); <c>GET /ready</c> and <c>GET /readyz</c> (200 <c>{"status":"ready"}</c> once started, not
/// stopping and every <see cref="IReadinessCheck"/> passes; else 503 <c>{"status":"not_ready","reasons":["store: ..."]}</c>).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health routes.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/health", Live).WithName("health").WithTags("health");
        routes.MapGet("/ready", Ready).WithName("ready").WithTags("health");
        routes.MapGet("/healthz", Live).WithName("healthz").WithTags("health")
            .WithSummary("Liveness: 200 while the process serves requests.");
        routes.MapGet("/readyz", Ready).WithName("readyz").WithTags("health")
            .WithSummary("Readiness: 200 when every readiness check passes, else 503 naming the failing checks.");
        return routes;
    }

    private static Ok<HealthDocument> Live() => TypedResults.Ok(new HealthDocument("ok"));

    private static async Task<Results<Ok<HealthDocument>, JsonHttpResult<HealthDocument>>> Ready(
        IHostApplicationLifetime lifetime, IEnumerable<IReadinessCheck> checks, CancellationToken cancellationToken)
    {
        var reasons = await Readiness.FailuresAsync(lifetime, checks, cancellationToken).ConfigureAwait(false);
        return reasons.Count == 0
            ? TypedResults.Ok(new HealthDocument("ready"))
            : TypedResults.Json(new HealthDocument("not_ready", reasons), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
