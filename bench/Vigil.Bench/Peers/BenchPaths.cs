namespace Vigil.Bench.Peers;

/// <summary>Locates the repository and the shared folder beside it.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared =>
        Environment.GetEnvironmentVariable("VIGIL_SHARED_DIR") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Ai4iCsv => Path.Combine(Shared, "data", "ai4i2020", "ai4i2020.csv");

    public static string PeerScript(string name) => Path.Combine(Root, "bench", "peers", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Vigil.slnx not found above the benchmark binary.");
    }
}
