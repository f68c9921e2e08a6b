using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Data.Csv;
using Vigil.Data.Generators;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil generate ai4i --rows N --seed S --out f.csv</c>: seeded synthetic data.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("generate", "Generate seeded synthetic datasets");
        command.Subcommands.Add(Ai4i(context));
        command.Subcommands.Add(Degradation(context));
        return command;
    }

    private static Command Degradation(CommandContext context)
    {
        var units = new Option<int>("--units") { Description = "Number of run-to-failure units", DefaultValueFactory = _ => DegradationGeneratorOptions.DefaultUnits };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 7 };
        var minLife = new Option<int>("--min-life") { Description = "Shortest lifetime in cycles", DefaultValueFactory = _ => DegradationGeneratorOptions.DefaultMinLife };
        var maxLife = new Option<int>("--max-life") { Description = "Longest lifetime in cycles", DefaultValueFactory = _ => DegradationGeneratorOptions.DefaultMaxLife };
        var output = new Option<string>("--output", "--out") { Description = "The CSV file to write", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("degradation", "Run-to-failure sensor data (unit, cycle, s1..s12) for remaining-useful-life models") { units, seed, minLife, maxLife, output, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            DegradationGeneratorOptions options;
            try
            {
                options = new DegradationGeneratorOptions(parse.GetValue(units), parse.GetValue(seed), parse.GetValue(minLife), parse.GetValue(maxLife));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            var path = Path.GetFullPath(parse.GetRequiredValue(output));
            var frame = DegradationGenerator.Generate(options);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            CsvWriter.WriteFile(frame, path);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["path"] = path,
                    ["rows"] = frame.RowCount,
                    ["columns"] = frame.ColumnCount,
                    ["units"] = options.Units,
                    ["seed"] = options.Seed,
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Wrote {frame.RowCount:N0} cycles of {options.Units} run-to-failure units to {path}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Ai4i(CommandContext context)
    {
        var rows = new Option<int>("--rows") { Description = "Number of rows", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The CSV file to write", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("ai4i", "AI4I-2020-like machine data following the dataset's documented generation rules") { rows, seed, output, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            Ai4iGeneratorOptions options;
            try
            {
                options = new Ai4iGeneratorOptions(parse.GetValue(rows), parse.GetValue(seed));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            var path = Path.GetFullPath(parse.GetRequiredValue(output));
            var frame = Ai4iGenerator.Generate(options);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            CsvWriter.WriteFile(frame, path);
            var failures = frame.Get<Vigil.Data.Frames.Float64Column>("Machine failure").Values.ToArray().Count(v => v == 1);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["path"] = path,
                    ["rows"] = frame.RowCount,
                    ["columns"] = frame.ColumnCount,
                    ["seed"] = options.Seed,
                    ["failures"] = failures,
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Wrote {frame.RowCount:N0} rows ({failures:N0} machine failures) to {path}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
