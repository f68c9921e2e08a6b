using System.CommandLine;

namespace Vigil.Cli;

/// <summary>Options accepted by every command.</summary>
public sealed class GlobalOptions
{
    /// <summary>The data directory: --data-dir, else VIGIL_DATA_DIR, else ./.vigil.</summary>
    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Where Vigil keeps its database, datasets and models (env VIGIL_DATA_DIR; default ./.vigil)",
        Recursive = true,
        HelpName = "dir",
    };

    /// <summary>Adds the global options to the root command.</summary>
    public void AddTo(RootCommand root) => root.Options.Add(DataDir);

    /// <summary>Resolves the data directory for a parse result to a full path.</summary>
    public string ResolveDataDir(ParseResult parse)
    {
        var fromFlag = parse.GetValue(DataDir);
        var fromEnv = Environment.GetEnvironmentVariable("VIGIL_DATA_DIR");
        var chosen = !string.IsNullOrWhiteSpace(fromFlag) ? fromFlag
            : !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv
            : ".vigil";
        return Path.GetFullPath(chosen);
    }
}
