namespace Vigil.Testing.Postgres;

/// <summary>How a throwaway test server is started.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>The bin folder to use; null searches (see <see cref="PostgresInstallation.Find"/>).</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The OS user that runs initdb and the server when the tests run as root (initdb refuses root). Default <c>postgres</c>.</summary>
    public string RootRunAsUser { get; init; } = "postgres";

    /// <summary>The database superuser created by initdb. Default <c>postgres</c>.</summary>
    public string SuperUser { get; init; } = "postgres";

    /// <summary>Upper bound for initdb, server start and stop, each; a stuck step is killed. Default 120 s.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Extra <c>name = value</c> settings appended to postgresql.conf.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Throws an <see cref="ArgumentException"/> naming each invalid option.</summary>
    public void ThrowIfInvalid()
    {
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(RootRunAsUser))
        {
            errors.Add($"{nameof(RootRunAsUser)} is required");
        }

        if (string.IsNullOrWhiteSpace(SuperUser) || !SuperUser.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            errors.Add($"{nameof(SuperUser)} must be letters, digits or '_'");
        }

        if (StepTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(StepTimeout)} must be positive");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(PostgresServerOptions)}: {string.Join("; ", errors)}.");
        }
    }
}
