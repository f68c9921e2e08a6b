namespace Vigil.Server.Errors;

/// <summary>Thrown by endpoint code to answer with <see cref="Error"/>; the error middleware turns it into the JSON response.</summary>
public sealed class ApiException : Exception
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    public ApiException(ApiError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Wraps <paramref name="error"/> with the exception that caused it.</summary>
    public ApiException(ApiError error, Exception inner)
        : base(error?.Message, inner)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The response to send.</summary>
    public ApiError Error { get; }
}
