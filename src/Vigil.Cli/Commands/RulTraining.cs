using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Cmapss;
using Vigil.ML.Persistence;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Tracking;
using Vigil.Pipelines.Training;

namespace Vigil.Cli.Commands;

/// <summary>The <c>vigil train --task rul</c> paths: the official C-MAPSS protocol, and RUL on any per-cycle dataset.</summary>
public static class RulTraining
{
    /// <summary>Runs the C-MAPSS protocol, saves the RUL model and prints the test scores.</summary>
    public static async Task<int> RunAsync(CommandContext context, ParseResult parse, TrainTracking tracking, RulRequest request, string? output, bool json, CancellationToken ct)
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

        ArgumentNullException.ThrowIfNull(tracking);
        await using var session = await tracking.StartAsync(context, parse, TrainingRecords.Rul(request, null, null), ct).ConfigureAwait(false);
        var modelFile = ModelPath(context, parse, output, Path.GetFileNameWithoutExtension(request.TrainPath));
        var result = await session.GuardAsync(async () =>
        {
            RulResult trained;
            try
            {
                var job = new RulTrainingJob(RulLearnerCatalog.Default, context.Time);
                trained = await Progress.Run(context.Console, $"Training {request.Model} on {Path.GetFileName(request.TrainPath)}", _ => job.Run(request, ct)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
            {
                throw new UserException(ex.Message, ex);
            }

            var trainHash = TrainingRecords.Rul(request, null, null).Inputs[0].Dataset.Digest;
            ModelFile.Save(trained.Model.WithInfo(trained.Model.Info with { CreatedAt = context.Time.GetUtcNow(), TrainingDatasetHash = trainHash }), modelFile, ModelFiles.Codecs);
            return trained;
        }).ConfigureAwait(false);
        var completed = await session.CompleteAsync(TrainingRecords.Rul(result), modelFile, ct).ConfigureAwait(false);

        if (json)
        {
            var document = new JsonObject
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
            };
            TrainTracking.AddJson(document, completed);
            await JsonOutput.WriteAsync(context.Console, document).ConfigureAwait(false);
        }
        else
        {
            var c = result.Evaluation.Capped;
            var u = result.Evaluation.Uncapped;
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"RUL {request.Model} on window statistics ({result.TrainWindows:N0} training windows, {result.TestUnits} test units): RMSE {c.Rmse:F2}  MAE {c.Mae:F2}  R² {c.R2:F3}  PHM08 {c.Phm08Score:F0} (truth capped at {request.Cap}); uncapped RMSE {u.Rmse:F2}")).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"  saved {modelFile}").ConfigureAwait(false);
            await TrainTracking.WriteTextAsync(context.Console.Out, completed).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Runs RUL training on a CSV file or registered dataset, saves the RUL model and prints the hold-out scores.</summary>
    public static async Task<int> RunDatasetAsync(CommandContext context, ParseResult parse, TrainTracking tracking, string dataset, RulDatasetRequest request, string? output, bool json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await DatasetInput.LoadAsync(context, parse, dataset, ct).ConfigureAwait(false);
        foreach (var warning in request.Split == RulSplit.Random ? [RulTrainingJob.LeakWarning] : Array.Empty<string>())
        {
            await context.Console.Error.WriteLineAsync("WARNING " + warning).ConfigureAwait(false);
        }

        ArgumentNullException.ThrowIfNull(tracking);
        var lineage = loaded.Version is { } v
            ? RunRecorder.RegisteredDataset(v.Name, v.Version, v.Sha256, v.Source, v.SchemaJson)
            : RunRecorder.LocalFile(loaded.Source);
        await using var session = await tracking.StartAsync(context, parse, TrainingRecords.Rul(request, null, null, [lineage]), ct).ConfigureAwait(false);
        var modelFile = ModelPath(context, parse, output, loaded.Version?.Name ?? Path.GetFileNameWithoutExtension(loaded.Source));
        var (result, model) = await session.GuardAsync(async () =>
        {
            RulDatasetResult trained;
            try
            {
                var job = new RulTrainingJob(RulLearnerCatalog.Default, context.Time);
                trained = await Progress.Run(context.Console, $"Training RUL {request.Model} on {loaded.Source}", _ => job.Run(loaded.Read.Frame, request, ct)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
            {
                throw new UserException(ex.Message, ex);
            }

            var fitted = trained.Model.WithInfo(trained.Model.Info with { CreatedAt = context.Time.GetUtcNow(), TrainingDatasetHash = lineage.Dataset.Digest });
            ModelFile.Save(fitted, modelFile, ModelFiles.Codecs);
            return (trained, fitted);
        }).ConfigureAwait(false);
        var completed = await session.CompleteAsync(TrainingRecords.Rul(result), modelFile, ct).ConfigureAwait(false);

        if (json)
        {
            var document = new JsonObject
            {
                ["task"] = "rul",
                ["dataset"] = loaded.Source,
                ["model"] = request.Model,
                ["learner"] = model.Regressor.Name,
                ["group"] = request.Group,
                ["time"] = request.Time,
                ["target"] = request.Target,
                ["window"] = request.Window,
                ["rul_cap"] = request.Cap,
                ["clip"] = request.Clip,
                ["seed"] = request.Seed,
                ["sensors"] = new JsonArray([.. result.Sensors.Select(s => (JsonNode?)s)]),
                ["dropped_columns"] = new JsonObject([.. result.DroppedColumns.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["split"] = new JsonObject
                {
                    ["kind"] = result.SplitKind,
                    ["train_units"] = result.TrainUnits,
                    ["test_units"] = result.TestUnits,
                    ["train_windows"] = result.TrainWindows,
                    ["test_windows"] = result.TestWindows,
                },
                ["holdout"] = new JsonObject
                {
                    ["all_windows"] = Metrics(result.AllWindows),
                    ["last_window"] = result.LastWindow is { } l ? Metrics(l.Capped) : null,
                    ["last_window_uncapped"] = result.LastWindow is { } u ? Metrics(u.Uncapped) : null,
                },
                ["warnings"] = new JsonArray([.. result.Warnings.Select(w => (JsonNode?)w)]),
                ["train_seconds"] = result.TrainSeconds,
                ["model_file"] = modelFile,
            };
            TrainTracking.AddJson(document, completed);
            await JsonOutput.WriteAsync(context.Console, document).ConfigureAwait(false);
        }
        else
        {
            var o = context.Console.Out;
            await o.WriteLineAsync($"RUL {model.Regressor.Name} on {loaded.Source}: {result.TrainUnits} train / {result.TestUnits} test units ({result.SplitKind} split), {result.TrainWindows:N0} / {result.TestWindows:N0} windows of {request.Window} cycles, {result.TrainSeconds:F2} s").ConfigureAwait(false);
            await o.WriteLineAsync($"  sensors: {string.Join(", ", result.Sensors)}").ConfigureAwait(false);
            foreach (var (column, why) in result.DroppedColumns)
            {
                await o.WriteLineAsync($"  dropped '{column}': {why}").ConfigureAwait(false);
            }

            await o.WriteLineAsync("  hold-out, all windows:      " + Text(result.AllWindows)).ConfigureAwait(false);
            if (result.LastWindow is { } last)
            {
                await o.WriteLineAsync("  hold-out, last window/unit: " + Text(last.Capped) + $" (truth capped at {request.Cap.ToString(CultureInfo.InvariantCulture)}); uncapped RMSE {last.Uncapped.Rmse.ToString("F2", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
            }

            await o.WriteLineAsync($"  saved {modelFile}").ConfigureAwait(false);
            await TrainTracking.WriteTextAsync(o, completed).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>RUL metrics as one line of text.</summary>
    public static string Text(RulMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return string.Create(CultureInfo.InvariantCulture, $"RMSE {m.Rmse:F2}  MAE {m.Mae:F2}  R² {m.R2:F3}  PHM08 {m.Phm08Score:F1}  (n = {m.Count})");
    }

    /// <summary>RUL metrics as JSON (rmse, mae, r2, phm08, count); non-finite values are null.</summary>
    public static JsonObject Metrics(RulMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new JsonObject
        {
            ["rmse"] = Finite(m.Rmse),
            ["mae"] = Finite(m.Mae),
            ["r2"] = Finite(m.R2),
            ["phm08"] = Finite(m.Phm08Score),
            ["count"] = m.Count,
        };
    }

    private static JsonNode? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string ModelPath(CommandContext context, ParseResult parse, string? output, string name)
    {
        var modelFile = Path.GetFullPath(output ?? Path.Combine(
            context.Globals.ResolveDataDir(parse), "models", name,
            context.Time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture), "model.vigil"));
        Directory.CreateDirectory(Path.GetDirectoryName(modelFile)!);
        return modelFile;
    }
}
