namespace Vigil.Cli;

/// <summary>A mistake in the user's input or arguments; reported as one line with exit code 1.</summary>
public sealed class UserException : Exception
{
    /// <summary>Creates the exception with a one-line cause.</summary>
    public UserException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line cause and the underlying error.</summary>
    public UserException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
