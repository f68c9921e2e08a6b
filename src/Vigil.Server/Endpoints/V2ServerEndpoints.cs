using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Hosting;

namespace Vigil.Server.Endpoints;

/// <summary>
/// The server-level routes of the KServe V2 / Open Inference Protocol: <c>GET /v2</c> (server metadata),
/// <c>GET /v2/health/live</c> (200 <c>{"live":true}</c>) and <c>GET /v2/health/ready</c> (200 <c>{"ready":true}</c>, or 503
/// <c>{"ready":false}</c> under the same rule as <c>/readyz</c>). The per-model routes live with the serving endpoints.
/// </summary>
public static class V2ServerEndpoints
{
    /// <summary>The server name <c>GET /v2</c> reports.</summary>
    public const string ServerName = "vigil";

    /// <summary>Maps the V2 server routes.</summary>
    public static IEndpointRouteBuilder MapV2ServerEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v2 = routes.MapGroup("/v2").WithTags("v2");
        v2.MapGet("/", Metadata).WithName("v2-server-metadata").WithSummary("Server metadata (Open Inference Protocol).");
        v2.MapGet("/health/live", Live).WithName("v2-health-live").WithSummary("Server liveness (Open Inference Protocol).");
        v2.MapGet("/health/ready", Ready).WithName("v2-health-ready").WithSummary("Server readiness (Open Inference Protocol): 503 when not ready.");
        return routes;
    }

    private static Ok<V2ServerMetadata> Metadata() => TypedResults.Ok(new V2ServerMetadata(ServerName, VigilServer.Version, []));

    private static Ok<V2Live> Live() => TypedResults.Ok(new V2Live(true));

    private static async Task<Results<Ok<V2Ready>, JsonHttpResult<V2Ready>>> Ready(
        IHostApplicationLifetime lifetime, IEnumerable<IReadinessCheck> checks, CancellationToken cancellationToken)
    {
        var reasons = await Readiness.FailuresAsync(lifetime, checks, cancellationToken).ConfigureAwait(false);
        return reasons.Count == 0
            ? TypedResults.Ok(new V2Ready(true))
            : TypedResults.Json(new V2Ready(false), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The body of <c>GET /v2</c>: <c>{"name","version","extensions"}</c>.</summary>
internal sealed record V2ServerMetadata(string Name, string Version, IReadOnlyList<string> Extensions);

/// <summary>The body of <c>GET /v2/health/live</c>.</summary>
internal sealed record V2Live(bool Live);

/// <summary>The body of <c>GET /v2/health/ready</c>.</summary>
internal sealed record V2Ready(bool Ready);
