using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Errors;

/// <summary>
/// The one place that decides which exceptions are a client's mistake and how each is answered. Anything not listed is a
/// server fault (500 <c>INTERNAL_ERROR</c>, logged with its stack trace, message not echoed).
/// </summary>
/// <remarks>
/// Store contracts report their own failures with typed exceptions; each gets one arm in <see cref="FromException"/>, e.g.
/// <c>TrackingException t => FromTrackingCode(t)</c> with a nested switch over its error code
/// (ResourceDoesNotExist → <see cref="ApiError.NotFound"/>, InvalidParameterValue → <see cref="ApiError.InvalidParameter"/>,
/// ResourceAlreadyExists → <see cref="ApiError.AlreadyExists"/>, InvalidState → <see cref="ApiError.InvalidState"/>).
/// </remarks>
public static class ApiErrorMapping
{
    /// <summary>The response for an exception escaping an endpoint.</summary>
    public static ApiError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ApiException api => api.Error,
            Vigil.Tracking.TrackingException tracking => new ApiError(tracking.HttpStatusCode, tracking.ApiErrorCode, tracking.Message),
            BadHttpRequestException bad => FromBadRequest(bad),
            JsonException json => ApiError.Malformed($"Malformed JSON body: {json.Message}"),
            InvalidDataException data => data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? ApiError.TooLarge(data.Message)
                : ApiError.Malformed($"Malformed request body: {data.Message}"),
            KeyNotFoundException notFound => ApiError.NotFound(notFound.Message),
            FormatException format => ApiError.InvalidParameter(format.Message), // includes CsvFormatException
            ArgumentException argument => ApiError.InvalidParameter(WithoutParameterSuffix(argument)),
            _ => ApiError.Internal($"Internal error ({exception.GetType().Name}); the cause is in the server log."),
        };
    }

    /// <summary>Whether <paramref name="error"/> is a server fault (5xx), logged as an error with its stack trace.</summary>
    public static bool IsServerFault(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode >= StatusCodes.Status500InternalServerError;
    }

    /// <summary>The error body for a response that ended with an error status and no body (e.g. routing's bare 404 or 405).</summary>
    public static ApiError FromStatus(int statusCode, string method, string path) => statusCode switch
    {
        StatusCodes.Status404NotFound => ApiError.EndpointNotFound(method, path),
        StatusCodes.Status405MethodNotAllowed => new ApiError(statusCode, ApiErrorCodes.EndpointNotFound, $"'{path}' does not accept {method}."),
        StatusCodes.Status413PayloadTooLarge => ApiError.TooLarge("The request body is larger than this endpoint accepts."),
        StatusCodes.Status415UnsupportedMediaType => new ApiError(statusCode, ApiErrorCodes.BadRequest, "Unsupported content type; send application/json."),
        StatusCodes.Status503ServiceUnavailable => new ApiError(statusCode, ApiErrorCodes.TemporarilyUnavailable, "The server is not ready."),
        >= 500 => ApiError.Internal("Internal error; the cause is in the server log."),
        _ => new ApiError(statusCode, ApiErrorCodes.BadRequest, $"The request was rejected with status {statusCode}."),
    };

    private static ApiError FromBadRequest(BadHttpRequestException bad)
    {
        // Minimal APIs wrap JSON errors of a bound body; the inner exception names the position.
        var detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ApiError.TooLarge(detail),
            StatusCodes.Status415UnsupportedMediaType => new ApiError(bad.StatusCode, ApiErrorCodes.BadRequest, detail),
            _ when bad.InnerException is JsonException => ApiError.Malformed(detail),
            >= 400 and < 500 => new ApiError(bad.StatusCode, ApiErrorCodes.InvalidParameterValue, detail),
            _ => ApiError.Malformed(detail),
        };
    }

    private static string WithoutParameterSuffix(ArgumentException argument)
    {
        var message = argument.Message;
        var suffix = argument.ParamName is null ? null : $" (Parameter '{argument.ParamName}')";
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
