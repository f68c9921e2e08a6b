namespace Vigil.Server.Configuration;

/// <summary>The server's settings are invalid: <see cref="Errors"/> holds one line per problem, each naming the setting, its value and its source.</summary>
public sealed class ServerSettingsException : Exception
{
    /// <summary>Creates the exception from at least one problem.</summary>
    public ServerSettingsException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = [.. errors];
    }

    /// <summary>Creates the exception with a single problem.</summary>
    public ServerSettingsException(string message)
        : this([message])
    {
    }

    /// <summary>Creates an exception with a single problem (for serializers and analyzers).</summary>
    public ServerSettingsException()
        : this("Invalid server settings.")
    {
    }

    /// <summary>Creates the exception with a single problem and its cause.</summary>
    public ServerSettingsException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [message];
    }

    /// <summary>One line per problem, e.g. <c>API_PORT='abc' (environment): not a port number (1-65535, or 0 for a free port)</c>.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return errors.Count == 1 ? errors[0] : $"{errors.Count} invalid server settings: {string.Join("; ", errors)}";
    }
}
