using System.CommandLine;
using Vigil.Data.Csv;
using Vigil.Tracking.Datasets;

namespace Vigil.Cli;

/// <summary>Loads a command's dataset argument: a registered "name[@version]" or a CSV file path.</summary>
public static class DatasetInput
{
    /// <summary>What was loaded: a display name, the parsed data, and the registered version when there is one.</summary>
    /// <param name="Source">"name@version" or the file path.</param>
    /// <param name="Read">The parsed frame and reader summary.</param>
    /// <param name="Version">The registered version, or null for a plain file.</param>
    public sealed record Loaded(string Source, CsvReadResult Read, DatasetVersion? Version);

    /// <summary>Whether the argument names a file rather than a registered dataset.</summary>
    public static bool LooksLikeFile(string what)
    {
        ArgumentNullException.ThrowIfNull(what);
        return what.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || what.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            || what.Contains('/', StringComparison.Ordinal) || what.Contains('\\', StringComparison.Ordinal) || File.Exists(what);
    }

    /// <summary>Loads the dataset; user mistakes become <see cref="UserException"/>s naming the file or dataset.</summary>
    public static async Task<Loaded> LoadAsync(CommandContext context, ParseResult parse, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (LooksLikeFile(what))
        {
            if (!File.Exists(what))
            {
                throw new UserException($"File not found: {what}");
            }

            try
            {
                var read = await Progress.Run(context.Console, $"Reading {Path.GetFileName(what)}", p => CsvReader.ReadFile(what, null, p, ct)).ConfigureAwait(false);
                return new Loaded(what, read, null);
            }
            catch (CsvFormatException ex)
            {
                throw new UserException($"{what}: {ex.Message}", ex);
            }
        }

        var reference = DatasetReference.Parse(what);
        await using var store = Stores.Open(context, parse);
        try
        {
            var loaded = await Stores.Ingestor(store).LoadAsync(reference, ct).ConfigureAwait(false);
            return new Loaded(loaded.Version.Reference, loaded.Read, loaded.Version);
        }
        catch (KeyNotFoundException ex)
        {
            throw new UserException($"{ex.Message} Run 'vigil datasets list' to see what is registered.");
        }
    }
}
