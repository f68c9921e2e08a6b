using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Features.Pipeline;
using Vigil.ML;
using Vigil.ML.Boosting;
using Vigil.ML.Forests;
using Vigil.ML.Trees;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil features explain &lt;model&gt; [--json]</c>: the feature pipeline inside a model, its kept synthetic features and the importances.</summary>
public static class FeaturesCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("features", "Inspect the feature pipeline that travels inside a model");
        var modelArg = new Argument<string>("model") { Description = "A saved model file" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var explain = new Command("explain", "The fitted pipeline steps, the features the model sees and their importances") { modelArg, json };
        explain.SetAction(context.Handle(async (parse, ct) =>
        {
            var model = ModelFiles.Load(parse.GetRequiredValue(modelArg));
            var steps = model.Preprocessor is FittedFeaturePipeline p ? p.Describe() : [];
            var names = model.Encoding.FeatureNames;
            var importances = Importances(model.CoreModel);
            var ranked = importances is null
                ? []
                : names.Select((n, i) => (Name: n, Importance: importances[i])).OrderByDescending(x => x.Importance).ToList();
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["model"] = Path.GetFullPath(parse.GetRequiredValue(modelArg)),
                    ["learner"] = model.Info.LearnerName,
                    ["pipeline"] = new JsonArray([.. steps.Select(s => (JsonNode?)s)]),
                    ["raw_input"] = new JsonArray([.. (model.Preprocessor?.InputSchema ?? model.Encoding.InputSchema).Columns.Select(c => (JsonNode?)c.Name)]),
                    ["features"] = new JsonArray([.. names.Select(n => (JsonNode?)n)]),
                    ["importances"] = importances is null ? null : new JsonArray([.. ranked.Select(r => (JsonNode?)new JsonObject { ["feature"] = r.Name, ["importance"] = r.Importance })]),
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var o = context.Console.Out;
            await o.WriteLineAsync($"{model.Info.LearnerName} ({model.Task.ToString().ToLowerInvariant()}), target '{model.TargetName}'").ConfigureAwait(false);
            await o.WriteLineAsync(steps.Count == 0 ? "Feature pipeline: none (raw columns)" : "Feature pipeline:").ConfigureAwait(false);
            foreach (var s in steps)
            {
                await o.WriteLineAsync("  " + s).ConfigureAwait(false);
            }

            await o.WriteLineAsync($"Features ({names.Count}):").ConfigureAwait(false);
            foreach (var (name, importance) in ranked.Count > 0 ? ranked : names.Select(n => (n, double.NaN)))
            {
                await o.WriteLineAsync(double.IsNaN(importance) ? $"  {name}" : string.Create(CultureInfo.InvariantCulture, $"  {importance,7:F4}  {name}")).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        command.Subcommands.Add(explain);
        return command;
    }

    private static double[]? Importances(object core) => core switch
    {
        DecisionTreeModel m => m.FeatureImportances.ToArray(),
        DecisionTreeRegressorModel m => m.FeatureImportances.ToArray(),
        RandomForestClassifierModel m => m.FeatureImportances.ToArray(),
        RandomForestRegressorModel m => m.FeatureImportances.ToArray(),
        HistGradientBoostingClassifierModel m => m.FeatureImportances.ToArray(),
        HistGradientBoostingRegressorModel m => m.FeatureImportances.ToArray(),
        _ => null,
    };
}
