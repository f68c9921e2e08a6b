using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Tracking;
using Vigil.Tracking.Artifacts;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Runs;
using Vigil.Tracking.Sql;

namespace Vigil.Server.Mlflow;

/// <summary>One MLflow API call: the parsed request, the stores and the answer helpers.</summary>
internal sealed class MlflowCall(HttpContext http, MlflowRequest request)
{
    private static readonly EmptyDocument Empty = new();

    public HttpContext Http { get; } = http;

    public MlflowRequest Request { get; } = request;

    public CancellationToken Aborted => Http.RequestAborted;

    public ITrackingStore Tracking => Http.RequestServices.GetRequiredService<VigilStore>().Tracking;

    public IModelRegistry Registry => Http.RequestServices.GetRequiredService<VigilStore>().Registry;

    public IArtifactStore Artifacts => Http.RequestServices.GetRequiredService<VigilStore>().Artifacts;

    public long Now => TrackingTime.NowMilliseconds(Http.RequestServices.GetRequiredService<TimeProvider>());

    /// <summary>Who a registry change is recorded for: the authenticated user, else <c>mlflow-api</c>.</summary>
    public ChangeContext Change => new(Http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "mlflow-api");

    public static IResult Ok() => TypedResults.Json(Empty, MlflowJsonContext.Default.EmptyDocument);

    public static IResult Ok<T>(T document, JsonTypeInfo<T> typeInfo) => TypedResults.Json(document, typeInfo);
}

/// <summary>Maps MLflow handlers: each reads its <see cref="MlflowRequest"/> first, then runs.</summary>
internal static class MlflowRoutes
{
    public static RouteHandlerBuilder Handle(this IEndpointRouteBuilder routes, string method, string pattern, Func<MlflowCall, Task<IResult>> handler) =>
        routes.MapMethods(pattern, [method], (Func<HttpContext, Task<IResult>>)(async http =>
            await handler(new MlflowCall(http, await MlflowRequest.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false))).ConfigureAwait(false)));
}

/// <summary>MLflow's wire spellings that <see cref="ApiNames"/> does not cover: versions as strings, protobuf enum numbers.</summary>
internal static class MlflowFormat
{
    public static string Version(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a model version: a positive integer (as MLflow sends it, a string).</summary>
    public static int ParseVersion(string text, string name = "version") =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1
            ? v
            : throw Errors.ApiError.InvalidParameter($"Invalid value for parameter '{name}': model version must be a positive integer, got '{text}'.").ToException();

    /// <summary>A view type by name (<c>ACTIVE_ONLY</c>, <c>DELETED_ONLY</c>, <c>ALL</c>) or protobuf number (1, 2, 3).</summary>
    public static ViewType ParseViewType(string? text) => text switch
    {
        null or "" => ViewType.ActiveOnly,
        "1" => ViewType.ActiveOnly,
        "2" => ViewType.DeletedOnly,
        "3" => ViewType.All,
        _ => ApiNames.ParseViewType(text),
    };

    /// <summary>A run status by name or protobuf number (1 RUNNING, 2 SCHEDULED, 3 FINISHED, 4 FAILED, 5 KILLED).</summary>
    public static RunStatus ParseRunStatus(string text) => text switch
    {
        "1" => RunStatus.Running,
        "2" => RunStatus.Scheduled,
        "3" => RunStatus.Finished,
        "4" => RunStatus.Failed,
        "5" => RunStatus.Killed,
        _ => ApiNames.ParseRunStatus(text),
    };

    /// <summary>max_results within 1..<see cref="TrackingLimits.MaxResultsPerPage"/>, or the default when absent.</summary>
    public static int MaxResults(long? value, int defaultValue) => value switch
    {
        null => defaultValue,
        >= 1 and <= TrackingLimits.MaxResultsPerPage => (int)value.Value,
        _ => throw Errors.ApiError.InvalidParameter(
            $"Invalid value for parameter 'max_results': must be between 1 and {TrackingLimits.MaxResultsPerPage}, got {value}.").ToException(),
    };
}
