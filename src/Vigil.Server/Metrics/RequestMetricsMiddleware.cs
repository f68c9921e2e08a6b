using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Server.Metrics;

/// <summary>
/// Counts every request by route template (never the raw path, so label cardinality stays bounded), method, status,
/// model, version and variant, and observes its duration; keeps the in-flight gauge. Runs outside the error middleware
/// so the status it records is the one the client got.
/// </summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, ServingMetrics metrics)
{
    private static readonly string[] StatusTexts = Enumerable.Range(0, 600).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        metrics.InFlight.Inc();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            metrics.InFlight.Dec();
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var status = context.Response.StatusCode;
            var statusText = status is >= 0 and < 600 ? StatusTexts[status] : status.ToString(CultureInfo.InvariantCulture);
            var serving = context.Features.Get<ServingRequestFeature>();
            var model = serving?.Model ?? string.Empty;
            metrics.Requests.WithLabels(route, context.Request.Method, statusText, model, serving?.Version ?? string.Empty, serving?.Variant ?? string.Empty).Inc();
            metrics.RequestDuration.WithLabels(route, context.Request.Method, model).ObserveDuration(Stopwatch.GetElapsedTime(start));
        }
    }
}
