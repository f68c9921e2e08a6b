using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Rul;
using Vigil.Serving.Scoring;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil predict --model &lt;file&gt; --input in.csv --output out.csv [--json]</c>: streaming batch scoring of a CSV file, chunk by chunk.</summary>
public static class PredictCommand
{
    private const int BatchRows = TabularScoring.BatchRows;

    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modelOption = new Option<string>("--model") { Description = "A saved model file", Required = true };
        var input = new Option<string>("--input") { Description = "The CSV file to score", Required = true };
        var output = new Option<string>("--output") { Description = "The CSV file to write: the input columns plus prediction and class probabilities", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var allWindows = new Option<bool>("--all-windows") { Description = "RUL models: one row per window instead of one per unit (its latest window)" };
        var command = new Command("predict", "Score a CSV file with a saved model") { modelOption, input, output, json, allWindows };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var any = ModelFiles.LoadAny(parse.GetRequiredValue(modelOption));
            var inputPath = parse.GetRequiredValue(input);
            if (!File.Exists(inputPath))
            {
                throw new UserException($"File not found: {inputPath}");
            }

            if (any is RulModel rul)
            {
                return await PredictRulAsync(context, parse, rul, Path.GetFullPath(parse.GetRequiredValue(modelOption)), inputPath, Path.GetFullPath(parse.GetRequiredValue(output)), parse.GetValue(allWindows), parse.GetValue(json), ct).ConfigureAwait(false);
            }

            var model = any as ITabularModel ?? throw new UserException($"Unsupported model type {any.GetType().Name}.");

            var kinds = model.RawInputSchema().Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
            var outputPath = Path.GetFullPath(parse.GetRequiredValue(output));
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
            var (rows, quarantined) = await Progress.Run(context.Console, $"Scoring {Path.GetFileName(inputPath)}", p =>
                Stream(model, inputPath, ReadOptions(inputPath, kinds), outputPath, p, ct)).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["model"] = Path.GetFullPath(parse.GetRequiredValue(modelOption)),
                    ["input"] = Path.GetFullPath(inputPath),
                    ["output"] = outputPath,
                    ["rows"] = rows,
                    ["quarantined_rows"] = quarantined,
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Scored {rows:N0} rows ({quarantined} quarantined) into {outputPath}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> PredictRulAsync(CommandContext context, ParseResult parse, RulModel model, string modelPath, string inputPath, string outputPath, bool allWindows, bool json, CancellationToken ct)
    {
        var loaded = await DatasetInput.LoadAsync(context, parse, inputPath, ct).ConfigureAwait(false);
        DataFrame scored;
        try
        {
            scored = RulScoring.Predictions(model, loaded.Read.Frame, allWindows);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException)
        {
            throw new UserException($"{inputPath} does not fit the RUL model: {ex.Message}", ex);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        CsvWriter.WriteFile(scored, outputPath);
        var units = scored.Get<Float64Column>(model.Columns.Group).Values.ToArray().Distinct().Count();
        if (json)
        {
            await JsonOutput.WriteAsync(context.Console, new JsonObject
            {
                ["model"] = modelPath,
                ["task"] = "rul",
                ["input"] = Path.GetFullPath(inputPath),
                ["output"] = outputPath,
                ["per"] = allWindows ? "window" : "unit",
                ["rows"] = scored.RowCount,
                ["units"] = units,
                ["clip"] = model.Clip,
            }).ConfigureAwait(false);
        }
        else
        {
            await context.Console.Out.WriteLineAsync($"Predicted RUL for {units} units ({scored.RowCount:N0} rows, one per {(allWindows ? "window" : "unit")}) into {outputPath}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads the input in chunks, scores each and appends it to the output, so memory stays bounded by the chunk size.</summary>
    private static (long Rows, long Quarantined) Stream(ITabularModel model, string input, CsvReadOptions options, string output, IProgress<double> progress, CancellationToken ct)
    {
        long rows = 0, quarantined = 0;
        var temp = output + ".partial";
        try
        {
            using (var writer = new StreamWriter(temp))
            {
                var first = true;
                foreach (var chunk in CsvReader.ReadChunks(input, options, BatchRows * 4, progress, ct))
                {
                    quarantined += chunk.Quarantined.Count;
                    if (chunk.Frame.RowCount == 0 && !first)
                    {
                        continue;
                    }

                    var scored = TabularScoring.Score(model, chunk.Frame, null, ct);
                    CsvWriter.Write(scored, writer, includeHeader: first);
                    first = false;
                    rows += chunk.Frame.RowCount;
                }
            }

            File.Move(temp, output, overwrite: true);
            return (rows, quarantined);
        }
        catch (CsvFormatException ex)
        {
            throw new UserException($"{input}: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new UserException($"{input} does not fit the model: {ex.Message}", ex);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static CsvReadOptions ReadOptions(string path, Dictionary<string, Vigil.Data.Frames.ColumnKind> kinds)
    {
        // Only force kinds of columns the file actually has; the others are reported by the encoder.
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? string.Empty;
        var present = kinds.Where(k => header.Contains(k.Key, StringComparison.Ordinal)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        return new CsvReadOptions(columnKinds: present);
    }
}
