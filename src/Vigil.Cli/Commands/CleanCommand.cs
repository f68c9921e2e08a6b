using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Data.Cleaning;
using Vigil.Data.Csv;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil clean &lt;dataset|file.csv&gt; [--target T] [--group G] [--time T] [--outliers clip|flag|drop] [--out f.csv] [--json]</c>: the AUTO-MAINT cleaning rules with a report and a quarantine file.</summary>
public static class CleanCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = new Argument<string>("dataset") { Description = "A registered dataset (name or name@version) or a CSV file" };
        var target = new Option<string?>("--target") { Description = "The target column: never modified; rows missing it are quarantined" };
        var group = new Option<string?>("--group") { Description = "The machine or unit id column for per-series interpolation and forward fill" };
        var time = new Option<string?>("--time") { Description = "The column ordering each series in time" };
        var outliers = new Option<string>("--outliers") { Description = "What to do with |z| > 3 values: clip, flag or drop", DefaultValueFactory = _ => "flag" };
        outliers.AcceptOnlyFromAmong("clip", "flag", "drop");
        var output = new Option<string?>("--out") { Description = "Where to write the cleaned CSV (default: <data-dir>/cleaned/<name>.csv)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("clean", "Clean a dataset: drop mostly-missing columns, normalize names and terms, drop duplicates, impute, handle outliers")
        {
            dataset, target, group, time, outliers, output, json,
        };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var loaded = await DatasetInput.LoadAsync(context, parse, parse.GetRequiredValue(dataset), ct).ConfigureAwait(false);
            CleaningOptions options;
            try
            {
                options = new CleaningOptions(
                    target: parse.GetValue(target) ?? loaded.Version?.Target,
                    groupColumn: parse.GetValue(group),
                    timeColumn: parse.GetValue(time),
                    outlierAction: Enum.Parse<OutlierAction>(parse.GetRequiredValue(outliers), ignoreCase: true));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            CleaningResult result;
            try
            {
                result = DataCleaner.Clean(loaded.Read.Frame, options);
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            var name = loaded.Version?.Name ?? Path.GetFileNameWithoutExtension(loaded.Source);
            var dataDir = context.Globals.ResolveDataDir(parse);
            var outPath = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(dataDir, "cleaned", name + ".csv"));
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            CsvWriter.WriteFile(result.Frame, outPath);
            string? quarantinePath = null;
            if (result.Quarantined.Count > 0)
            {
                quarantinePath = Path.Combine(dataDir, "quarantine", name + "-cleaning.csv");
                Directory.CreateDirectory(Path.GetDirectoryName(quarantinePath)!);
                QuarantineFile.Write(quarantinePath, result.Quarantined);
            }

            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["dataset"] = loaded.Source,
                    ["output"] = outPath,
                    ["rows"] = result.Frame.RowCount,
                    ["columns"] = result.Frame.ColumnCount,
                    ["quarantined_rows"] = result.Quarantined.Count,
                    ["quarantine_file"] = quarantinePath,
                    ["report"] = JsonNode.Parse(result.Report.ToJson()),
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync(result.Report.ToText()).ConfigureAwait(false);
                await context.Console.Out.WriteLineAsync($"Wrote {result.Frame.RowCount:N0} rows × {result.Frame.ColumnCount} columns to {outPath}"
                    + (quarantinePath is null ? string.Empty : $"; {result.Quarantined.Count:N0} rows quarantined in {quarantinePath}")).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
