using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        // The server's JSON settings (encoder, naming) when present; the generated defaults otherwise.
        var options = httpContext.RequestServices?.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions;
        var typeInfo = options is null ? VigilJsonContext.Default.ApiError : (JsonTypeInfo<ApiError>)options.GetTypeInfo(typeof(ApiError));
        await JsonSerializer.SerializeAsync(response.Body, error, typeInfo, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
