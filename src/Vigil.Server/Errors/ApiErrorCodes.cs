namespace Vigil.Server.Errors;

/// <summary>The <c>error_code</c> strings of error responses: MLflow's names (from its <c>databricks.proto</c> ErrorCode enum), used by every API.</summary>
public static class ApiErrorCodes
{
    /// <summary>A parameter or body field has a missing or invalid value (400).</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>The named resource does not exist (404).</summary>
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";

    /// <summary>A resource with that identity already exists (400, as MLflow answers).</summary>
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";

    /// <summary>The resource is in a state that forbids the operation, e.g. logging to a deleted run (400 in Vigil: a client's mistake).</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>No endpoint answers this method and path (404, or 405 outside the MLflow group).</summary>
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";

    /// <summary>The body could not be parsed (malformed JSON or multipart) (400).</summary>
    public const string MalformedRequest = "MALFORMED_REQUEST";

    /// <summary>The request is wrong in a way no other code names, e.g. an unsupported content type (400 or 415).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The body is larger than the endpoint accepts (413).</summary>
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    /// <summary>The server is starting or stopping (503).</summary>
    public const string TemporarilyUnavailable = "TEMPORARILY_UNAVAILABLE";

    /// <summary>A bug or an environment failure on the server's side (500); the details are in the server log only.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
