using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Data.Csv;
using Vigil.Data.Validation;
using Vigil.Tracking.Datasets;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil validate &lt;name[@version]|file.csv&gt; [--target T] [--json]</c>: the validation report of a dataset.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = new Argument<string>("dataset") { Description = "A registered dataset (name or name@version) or a CSV file path" };
        var target = new Option<string?>("--target") { Description = "The target column (default: the dataset's registered target)" };
        var strict = new Option<bool>("--strict") { Description = "Exit with code 1 when the report holds errors" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("validate", "Check a dataset for missing values, duplicates, types, ranges, class balance and target leakage")
        {
            input, target, strict, json,
        };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var what = parse.GetRequiredValue(input);
            var (frameSource, read, registeredTarget) = await LoadAsync(context, parse, what, ct).ConfigureAwait(false);
            var targetName = parse.GetValue(target) ?? registeredTarget;
            var report = DataValidator.Validate(read.Frame, new ValidationOptions(target: targetName));
            if (parse.GetValue(json))
            {
                var doc = new JsonObject
                {
                    ["dataset"] = frameSource,
                    ["rows"] = read.Frame.RowCount,
                    ["quarantined_rows"] = read.Quarantined.Count,
                    ["target"] = targetName,
                    ["report"] = JsonNode.Parse(report.ToJson()),
                };
                await JsonOutput.WriteAsync(context.Console, doc).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Validation of {frameSource} ({read.Frame.RowCount:N0} rows, {read.Frame.ColumnCount} columns)").ConfigureAwait(false);
                await context.Console.Out.WriteLineAsync(report.ToText()).ConfigureAwait(false);
            }

            return parse.GetValue(strict) && report.HasErrors ? ExitCodes.UserError : ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<(string Source, CsvReadResult Read, string? Target)> LoadAsync(
        CommandContext context, ParseResult parse, string what, CancellationToken ct)
    {
        var looksLikeFile = what.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || what.Contains('/', StringComparison.Ordinal)
            || what.Contains('\\', StringComparison.Ordinal) || File.Exists(what);
        if (looksLikeFile)
        {
            if (!File.Exists(what))
            {
                throw new UserException($"File not found: {what}");
            }

            try
            {
                var read = await Progress.Run(context.Console, $"Reading {Path.GetFileName(what)}", p => CsvReader.ReadFile(what, null, p, ct)).ConfigureAwait(false);
                return (what, read, null);
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
            return (loaded.Version.Reference, loaded.Read, loaded.Version.Target);
        }
        catch (KeyNotFoundException ex)
        {
            throw new UserException($"{ex.Message} Run 'vigil datasets list' to see what is registered.");
        }
    }
}
