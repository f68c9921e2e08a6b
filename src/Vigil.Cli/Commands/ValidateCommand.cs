using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Data.Validation;

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
            var loaded = await DatasetInput.LoadAsync(context, parse, what, ct).ConfigureAwait(false);
            var (frameSource, read, registeredTarget) = (loaded.Source, loaded.Read, loaded.Version?.Target);
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
}
