using System.CommandLine;
using Vigil.Cli.Demo;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil demo [--fast] [--seed S] [--rows N] [--json]</c>: the end-to-end story on embedded defaults.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fast = new Option<bool>("--fast") { Description = "A shorter run on less data (for tests)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the data, the split and the model", DefaultValueFactory = _ => 42 };
        var rows = new Option<int?>("--rows") { Description = "Rows of generated machine data (default 10,000; 3,000 with --fast)" };
        var json = new Option<bool>("--json") { Description = "Narrate on stderr and print the final figures as one JSON document" };
        var command = new Command("demo", "Generate machine data, ingest and validate it, train and evaluate a failure model, save it") { fast, seed, rows, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            DemoOptions options;
            try
            {
                options = new DemoOptions(context.Globals.ResolveDataDir(parse), parse.GetValue(seed), parse.GetValue(fast), parse.GetValue(rows));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            var asJson = parse.GetValue(json);
            var result = await new DemoRunner(context.Console, context.Time).RunAsync(options, quiet: asJson, ct).ConfigureAwait(false);
            if (asJson)
            {
                await JsonOutput.WriteAsync(context.Console, result).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
