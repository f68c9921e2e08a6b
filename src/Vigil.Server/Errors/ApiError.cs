using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Errors;

/// <summary>
/// An error response: the HTTP status and the JSON body <c>{"error_code": "...", "message": "..."}</c> that MLflow's
/// clients parse. Return it with <see cref="ToResult"/> or throw it inside an <see cref="ApiException"/>.
/// </summary>
public sealed record ApiError
{
    /// <summary>Creates an error; <paramref name="statusCode"/> must be 4xx or 5xx and the code and message non-empty.</summary>
    public ApiError(int statusCode, string errorCode, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>The HTTP status code (not serialized).</summary>
    [JsonIgnore]
    public int StatusCode { get; }

    /// <summary>The machine-readable code, one of <see cref="ApiErrorCodes"/>.</summary>
    [JsonPropertyName("error_code")]
    public string ErrorCode { get; }

    /// <summary>A one-line, human-readable cause.</summary>
    [JsonPropertyName("message")]
    public string Message { get; }

    /// <summary>400 <c>INVALID_PARAMETER_VALUE</c>.</summary>
    public static ApiError InvalidParameter(string message) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidParameterValue, message);

    /// <summary>404 <c>RESOURCE_DOES_NOT_EXIST</c>.</summary>
    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, ApiErrorCodes.ResourceDoesNotExist, message);

    /// <summary>400 <c>RESOURCE_ALREADY_EXISTS</c> (MLflow answers conflicts with 400, not 409).</summary>
    public static ApiError AlreadyExists(string message) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.ResourceAlreadyExists, message);

    /// <summary>400 <c>INVALID_STATE</c>.</summary>
    public static ApiError InvalidState(string message) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidState, message);

    /// <summary>400 <c>MALFORMED_REQUEST</c>.</summary>
    public static ApiError Malformed(string message) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.MalformedRequest, message);

    /// <summary>413 <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    public static ApiError TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.RequestLimitExceeded, message);

    /// <summary>404 <c>ENDPOINT_NOT_FOUND</c> for a method and path no endpoint answers.</summary>
    public static ApiError EndpointNotFound(string method, string path) =>
        new(StatusCodes.Status404NotFound, ApiErrorCodes.EndpointNotFound, $"No API endpoint found for '{method} {path}'.");

    /// <summary>500 <c>INTERNAL_ERROR</c> with a generic message; the cause belongs in the server log.</summary>
    public static ApiError Internal(string message) => new(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError, message);

    /// <summary>The error as an endpoint result: JSON body with <see cref="StatusCode"/>.</summary>
    public IResult ToResult() => new ApiErrorResult(this);

    /// <summary>Throws this error as an <see cref="ApiException"/>.</summary>
    public ApiException ToException() => new(this);
}
