using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Endpoints;

namespace Vigil.Server.Mlflow;

/// <summary>
/// MLflow REST API 2.0 compatibility: the tracking and registry endpoints under <c>/api/2.0/mlflow</c> and the proxied
/// artifact endpoints under <c>/api/2.0/mlflow-artifacts</c>, with MLflow's JSON shapes and errors (see <c>docs/mlflow-api.md</c>).
/// </summary>
public static class MlflowApi
{
    /// <summary>The route prefix of MLflow's proxied artifact API.</summary>
    public const string ArtifactsPrefix = "/api/2.0/mlflow-artifacts";

    /// <summary>Maps every MLflow endpoint; unmapped paths under the MLflow prefix keep answering <c>ENDPOINT_NOT_FOUND</c>.</summary>
    public static IEndpointRouteBuilder MapMlflowApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var options = routes.ServiceProvider.GetRequiredService<VigilServerOptions>();

        var mlflow = routes.MapGroup(MlflowEndpoints.Prefix);
        MlflowTrackingEndpoints.Map(mlflow);
        MlflowRegistryEndpoints.Map(mlflow);
        MlflowArtifactEndpoints.MapRunList(mlflow);

        MlflowArtifactEndpoints.MapProxy(routes.MapGroup(ArtifactsPrefix), options.MaxUploadBytes);
        return routes;
    }
}
