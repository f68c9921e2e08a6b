using Microsoft.AspNetCore.Http;
using Vigil.Server.Json;

namespace Vigil.Server.Errors;

/// <summary>Writes an <see cref="ApiError"/> as the response: its status code and the JSON body.</summary>
internal sealed class ApiErrorResult(ApiError error) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => error.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, error);

    public static async Task WriteAsync(HttpContext httpContext, ApiError error)
    {
        var response = httpContext.Response;
        response.StatusCode = error.StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        await System.Text.Json.JsonSerializer.SerializeAsync(response.Body, error, VigilJsonContext.Default.ApiError, httpContext.RequestAborted)
            .ConfigureAwait(false);
    }
}
