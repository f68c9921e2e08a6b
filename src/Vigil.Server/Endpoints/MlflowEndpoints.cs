using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Server.Errors;

namespace Vigil.Server.Endpoints;

/// <summary>
/// The MLflow REST API 2.0 group, <c>/api/2.0/mlflow</c>. Any method and path that no MLflow endpoint answers gets
/// 404 <c>ENDPOINT_NOT_FOUND</c>, as MLflow's own servers answer (also a GET to a POST-only endpoint).
/// </summary>
public static class MlflowEndpoints
{
    /// <summary>The route prefix of MLflow's tracking and registry API.</summary>
    public const string Prefix = "/api/2.0/mlflow";

    /// <summary>Maps the MLflow group and returns it so endpoint files can add their routes to it.</summary>
    public static RouteGroupBuilder MapMlflowEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup(Prefix);

        // A catch-all has the lowest routing precedence, so every literal MLflow route added to the group wins over it.
        group.Map("/{**path}", EndpointNotFound).WithName("mlflow-endpoint-not-found");
        return group;
    }

    private static IResult EndpointNotFound(HttpRequest request) =>
        ApiError.EndpointNotFound(request.Method, request.Path).ToResult();
}
