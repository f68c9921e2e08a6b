using System.CommandLine;
using Vigil.Pipelines.Ingestion;
using Vigil.Tracking.Sql;

namespace Vigil.Cli;

/// <summary>Opens the data directory's stores for a command.</summary>
public static class Stores
{
    /// <summary>Opens the store of the data directory chosen by the global options.</summary>
    public static VigilStore Open(CommandContext context, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(context);
        return VigilStore.Open(context.Globals.ResolveDataDir(parse), null, context.Time);
    }

    /// <summary>Opens the store at <paramref name="storeUri"/> (null = the data directory's SQLite database); a bad URI is a user error.</summary>
    public static VigilStore Open(CommandContext context, ParseResult parse, string? storeUri)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return VigilStore.Open(context.Globals.ResolveDataDir(parse), storeUri, context.Time);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new UserException($"--store {storeUri}: {ex.Message}", ex);
        }
    }

    /// <summary>A dataset ingestor over an open store, quarantining under the data directory.</summary>
    public static DatasetIngestor Ingestor(VigilStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new DatasetIngestor(store.Datasets, store.Content, Path.Combine(store.DataDirectory, "quarantine"));
    }
}
