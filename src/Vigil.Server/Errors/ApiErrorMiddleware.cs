using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Errors;

/// <summary>
/// Turns every exception escaping the pipeline into an <see cref="ApiError"/> response via <see cref="ApiErrorMapping"/>,
/// and gives bare error statuses (routing's 404/405, Kestrel's 413) the same JSON body.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            return;
        }
        catch (Exception ex)
        {
            var error = ApiErrorMapping.FromException(ex);
            if (ApiErrorMapping.IsServerFault(error))
            {
                logger.LogError(ex, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogDebug("Client error in {Method} {Path}: {Code} {Message}", context.Request.Method, context.Request.Path, error.ErrorCode, error.Message);
            }

            if (context.Response.HasStarted)
            {
                // Too late for a status code: cut the connection so the client sees a failure, not a truncated success.
                context.Abort();
                return;
            }

            context.Response.Clear();
            await ApiErrorResult.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiErrorResult.WriteAsync(context, ApiErrorMapping.FromStatus(response.StatusCode, context.Request.Method, context.Request.Path)).ConfigureAwait(false);
        }
    }
}
