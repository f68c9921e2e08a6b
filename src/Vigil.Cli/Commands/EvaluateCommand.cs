using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.ML;
using Vigil.ML.Persistence;
using Vigil.ML.Rul;
using Vigil.Pipelines.Training;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil evaluate &lt;model&gt; &lt;dataset&gt; [--json]</c>: a saved model's metrics on labelled data.</summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modelArg = new Argument<string>("model") { Description = "A saved model file" };
        var dataset = new Argument<string>("dataset") { Description = "A registered dataset (name or name@version) or a CSV file holding the target column" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var format = new Option<string?>("--format") { Description = "RUL models: cmapss (a NASA test file, scored by its last window per unit against --test-rul) or csv (per-cycle rows; the default)" };
        format.AcceptOnlyFromAmong("cmapss", "csv");
        var testRul = new Option<string?>("--test-rul") { Description = "RUL models with --format cmapss: the true RUL of each test unit" };
        var command = new Command("evaluate", "Score a saved model on labelled data") { modelArg, dataset, json, format, testRul };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var any = ModelFiles.LoadAny(parse.GetRequiredValue(modelArg));
            if (any is RulModel rul)
            {
                return await RulScoring.RunAsync(context, parse, rul, parse.GetRequiredValue(modelArg), parse.GetRequiredValue(dataset), parse.GetValue(format), parse.GetValue(testRul), parse.GetValue(json), ct).ConfigureAwait(false);
            }

            var model = any as ITabularModel ?? throw new UserException($"Unsupported model type {any.GetType().Name}.");
            var loaded = await DatasetInput.LoadAsync(context, parse, parse.GetRequiredValue(dataset), ct).ConfigureAwait(false);
            IReadOnlyDictionary<string, double> metrics;
            try
            {
                metrics = model switch
                {
                    TabularClassifier c => TrainingJob.ClassifierMetrics(c, loaded.Read.Frame),
                    TabularRegressor r => r.Evaluate(loaded.Read.Frame).ToDictionary(),
                    _ => throw new UserException($"Unsupported model type {model.GetType().Name}."),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidCastException)
            {
                throw new UserException($"{loaded.Source} does not fit the model: {ex.Message}", ex);
            }

            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["model"] = Path.GetFullPath(parse.GetRequiredValue(modelArg)),
                    ["dataset"] = loaded.Source,
                    ["task"] = model.Task.ToString().ToLowerInvariant(),
                    ["rows"] = loaded.Read.Frame.RowCount,
                    ["metrics"] = TrainCommand.Metrics(metrics),
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"{model.Info.LearnerName} on {loaded.Source} ({loaded.Read.Frame.RowCount:N0} rows): "
                    + string.Join("  ", metrics.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:G4}")))).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
