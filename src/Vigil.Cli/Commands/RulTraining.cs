using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Cmapss;
using Vigil.Features;
using Vigil.ML.Persistence;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Training;

namespace Vigil.Cli.Commands;

/// <summary>The <c>vigil train --task rul --format cmapss</c> path: the official C-MAPSS protocol in one command.</summary>
public static class RulTraining
{
    /// <summary>Runs the protocol, saves the model and prints the test scores.</summary>
    public static async Task<int> RunAsync(CommandContext context, ParseResult parse, RulRequest request, string? output, bool json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var path in new[] { request.TrainPath, request.TestPath, request.TruthPath })
        {
            if (!File.Exists(path))
            {
                throw new UserException($"File not found: {path}");
            }
        }

        RulResult result;
        try
        {
            var job = new RulTrainingJob(LearnerCatalog.Default, context.Time);
            result = await Progress.Run(context.Console, $"Training {request.Model} on {Path.GetFileName(request.TrainPath)}", _ => job.Run(request, ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
        {
            throw new UserException(ex.Message, ex);
        }

        var modelFile = Path.GetFullPath(output ?? Path.Combine(
            context.Globals.ResolveDataDir(parse), "models", Path.GetFileNameWithoutExtension(request.TrainPath),
            context.Time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture), "model.vigil"));
        Directory.CreateDirectory(Path.GetDirectoryName(modelFile)!);
        ModelFile.Save(result.Model.WithInfo(result.Model.Info with { CreatedAt = context.Time.GetUtcNow() }), modelFile, FeatureCatalog.ModelCodecs);

        if (json)
        {
            await JsonOutput.WriteAsync(context.Console, new JsonObject
            {
                ["task"] = "rul",
                ["format"] = "cmapss",
                ["model"] = request.Model,
                ["window"] = request.Window,
                ["rul_cap"] = request.Cap,
                ["seed"] = request.Seed,
                ["train_windows"] = result.TrainWindows,
                ["test_units"] = result.TestUnits,
                ["test"] = Metrics(result.Evaluation.Capped),
                ["test_uncapped"] = Metrics(result.Evaluation.Uncapped),
                ["train_seconds"] = result.TrainSeconds,
                ["model_file"] = modelFile,
            }).ConfigureAwait(false);
        }
        else
        {
            var c = result.Evaluation.Capped;
            var u = result.Evaluation.Uncapped;
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"RUL {request.Model} on window statistics ({result.TrainWindows:N0} training windows, {result.TestUnits} test units): RMSE {c.Rmse:F2}  MAE {c.Mae:F2}  R² {c.R2:F3}  PHM08 {c.Phm08Score:F0} (truth capped at {request.Cap}); uncapped RMSE {u.Rmse:F2}")).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"  saved {modelFile}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static JsonObject Metrics(RulMetrics m) => new()
    {
        ["rmse"] = m.Rmse,
        ["mae"] = m.Mae,
        ["r2"] = m.R2,
        ["phm08"] = m.Phm08Score,
    };
}
