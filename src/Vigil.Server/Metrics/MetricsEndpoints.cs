using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Metrics;
using Vigil.Serving.Logging;

namespace Vigil.Server.Metrics;

/// <summary><c>GET /metrics</c>: the Prometheus text exposition (format 0.0.4) of every server metric.</summary>
public static class MetricsEndpoints
{
    /// <summary>Maps <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/metrics", async (HttpContext context, ServingMetrics metrics, PredictionLog log) =>
        {
            metrics.PredictionLogDropped.Set(log.Dropped);
            context.Response.ContentType = MetricsRegistry.ContentType;
            await metrics.Registry.WriteToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }).ExcludeFromDescription();
        return app;
    }
}
