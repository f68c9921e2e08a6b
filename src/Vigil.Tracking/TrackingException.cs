namespace Vigil.Tracking;

/// <summary>The kinds of tracking and registry error; each maps to one MLflow REST error code.</summary>
public enum TrackingErrorCode
{
    /// <summary>The named experiment, run, model, version, alias or artifact does not exist (MLflow <c>RESOURCE_DOES_NOT_EXIST</c>, HTTP 404).</summary>
    ResourceDoesNotExist,

    /// <summary>A field has an invalid value, or a request is malformed (MLflow <c>INVALID_PARAMETER_VALUE</c>, HTTP 400).</summary>
    InvalidParameterValue,

    /// <summary>An entity with the same unique name already exists (MLflow <c>RESOURCE_ALREADY_EXISTS</c>, HTTP 400).</summary>
    ResourceAlreadyExists,

    /// <summary>The entity is in a state that forbids the operation, such as logging to a deleted run (MLflow <c>INVALID_STATE</c>, HTTP 400).</summary>
    InvalidState,
}

/// <summary>A client-caused tracking or registry error with a typed code and a message naming the entity or field.</summary>
public sealed class TrackingException : Exception
{
    /// <summary>Creates an error with the given code and message.</summary>
    public TrackingException(TrackingErrorCode errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>Creates an error with the given code, message and cause.</summary>
    public TrackingException(TrackingErrorCode errorCode, string message, Exception innerException)
        : base(message, innerException) => ErrorCode = errorCode;

    /// <summary>The typed error code.</summary>
    public TrackingErrorCode ErrorCode { get; }

    /// <summary>The MLflow REST error code string, e.g. <c>RESOURCE_DOES_NOT_EXIST</c>.</summary>
    public string ApiErrorCode => ToApiErrorCode(ErrorCode);

    /// <summary>The HTTP status an API should answer with: 404 for a missing resource, 400 otherwise.</summary>
    public int HttpStatusCode => ErrorCode == TrackingErrorCode.ResourceDoesNotExist ? 404 : 400;

    /// <summary>The MLflow REST error code string of <paramref name="code"/>.</summary>
    public static string ToApiErrorCode(TrackingErrorCode code) => code switch
    {
        TrackingErrorCode.ResourceDoesNotExist => "RESOURCE_DOES_NOT_EXIST",
        TrackingErrorCode.InvalidParameterValue => "INVALID_PARAMETER_VALUE",
        TrackingErrorCode.ResourceAlreadyExists => "RESOURCE_ALREADY_EXISTS",
        TrackingErrorCode.InvalidState => "INVALID_STATE",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown tracking error code."),
    };

    /// <summary>A <see cref="TrackingErrorCode.ResourceDoesNotExist"/> error.</summary>
    public static TrackingException NotFound(string message) => new(TrackingErrorCode.ResourceDoesNotExist, message);

    /// <summary>An <see cref="TrackingErrorCode.InvalidParameterValue"/> error.</summary>
    public static TrackingException Invalid(string message) => new(TrackingErrorCode.InvalidParameterValue, message);

    /// <summary>A <see cref="TrackingErrorCode.ResourceAlreadyExists"/> error.</summary>
    public static TrackingException AlreadyExists(string message) => new(TrackingErrorCode.ResourceAlreadyExists, message);

    /// <summary>An <see cref="TrackingErrorCode.InvalidState"/> error.</summary>
    public static TrackingException InvalidState(string message) => new(TrackingErrorCode.InvalidState, message);
}
