namespace Vigil.Testing;

/// <summary>Locates the repository root and the shared data folder that CI places beside it.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding Vigil.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder (env VIGIL_SHARED_DIR, else ../shared beside the repository), or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("VIGIL_SHARED_DIR");
            var candidate = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : fromEnv;
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>The path of a file under the shared folder; skips the test (or fails it when services are required) when absent.</summary>
    public static string RequireSharedFile(params string[] relative)
    {
        var shared = Shared;
        if (shared is not null)
        {
            var path = Path.Combine([shared, .. relative]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Services.Unavailable($"shared data file {string.Join('/', relative)} not found (set VIGIL_SHARED_DIR or place ../shared beside the repository)");
        return string.Empty; // unreachable
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException($"Vigil.slnx not found above {AppContext.BaseDirectory}.");
    }
}
