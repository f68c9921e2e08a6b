using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Data.Profiling;
using Vigil.Tracking.Datasets;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil datasets list|show</c>: the registered dataset versions.</summary>
public static class DatasetsCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("datasets", "List and show registered dataset versions");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command List(CommandContext context)
    {
        var name = new Argument<string?>("name") { Description = "Only the versions of this dataset", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("list", "List dataset versions") { name, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            await using var store = Stores.Open(context, parse);
            var versions = await store.Datasets.ListAsync(parse.GetValue(name), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["datasets"] = new JsonArray([.. versions.Select(v => (JsonNode?)DatasetViews.Version(v))]),
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (versions.Count == 0)
            {
                await context.Console.Out.WriteLineAsync("No datasets yet. Ingest one with: vigil ingest <file.csv> --name <name>").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("dataset", "rows", "quarantined", "columns", "target", "sha256", "created");
            foreach (var v in versions)
            {
                table.AddRow(
                    Markup.Escape(v.Reference),
                    v.RowCount.ToString("N0", CultureInfo.InvariantCulture),
                    v.QuarantinedRowCount.ToString("N0", CultureInfo.InvariantCulture),
                    v.ColumnCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(v.Target ?? ""),
                    v.Sha256[..12],
                    v.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            context.Console.OutConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var reference = new Argument<string>("dataset") { Description = "name or name@version" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("show", "Show a dataset version and its profile") { reference, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var r = DatasetReference.Parse(parse.GetRequiredValue(reference));
            await using var store = Stores.Open(context, parse);
            var v = await store.Datasets.GetAsync(r.Name, r.Version, ct).ConfigureAwait(false)
                ?? throw new UserException(r.Version is null ? $"No dataset named '{r.Name}'." : $"Dataset '{r.Name}' has no version {r.Version}.");
            if (parse.GetValue(json))
            {
                var doc = DatasetViews.Version(v);
                doc["profile"] = JsonNode.Parse(v.ProfileJson);
                await JsonOutput.WriteAsync(context.Console, doc).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await context.Console.Out.WriteLineAsync($"{v.Reference}  sha256 {v.Sha256}  {v.RowCount:N0} rows, {v.QuarantinedRowCount:N0} quarantined  target {v.Target ?? "(none)"}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"source {v.Source}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync(DatasetProfile.FromJson(v.ProfileJson).ToText()).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
