namespace Vigil.Serving.Hosting;

/// <summary>The kinds of serving error; the HTTP layer maps them to status codes.</summary>
public enum ServingErrorCode
{
    /// <summary>The model, alias, version or model file does not exist (HTTP 404).</summary>
    ModelNotFound,

    /// <summary>The model file exists but cannot be read: damaged, truncated, an unknown format or an unsupported kind (HTTP 503 while an older version serves; 500 at start).</summary>
    ModelUnreadable,

    /// <summary>The model is configured but not loaded yet, or its last load failed (HTTP 503).</summary>
    NotReady,

    /// <summary>Loading took longer than <see cref="ModelHostOptions.LoadTimeout"/> (HTTP 503).</summary>
    LoadTimeout,

    /// <summary>The model's registry entry is unusable: an invalid source URI or routing tag (HTTP 500).</summary>
    InvalidConfiguration,
}

/// <summary>A serving failure whose message names the model, the alias or version, and the path involved.</summary>
public sealed class ServingException : Exception
{
    /// <summary>Creates an error with a code and a message.</summary>
    public ServingException(ServingErrorCode errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>Creates an error with a code, a message and its cause.</summary>
    public ServingException(ServingErrorCode errorCode, string message, Exception innerException)
        : base(message, innerException) => ErrorCode = errorCode;

    /// <summary>What went wrong.</summary>
    public ServingErrorCode ErrorCode { get; }

    /// <summary>The HTTP status an endpoint should answer with: 404 for a missing model, 503 while it cannot serve yet, 500 otherwise.</summary>
    public int HttpStatusCode => ErrorCode switch
    {
        ServingErrorCode.ModelNotFound => 404,
        ServingErrorCode.NotReady or ServingErrorCode.LoadTimeout or ServingErrorCode.ModelUnreadable => 503,
        _ => 500,
    };
}
