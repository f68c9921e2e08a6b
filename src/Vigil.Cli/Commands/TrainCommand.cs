using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Features;
using Vigil.Features.Pipeline;
using Vigil.ML;
using Vigil.ML.Persistence;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Tracking;
using Vigil.Pipelines.Training;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil train &lt;dataset&gt; --target T --model M [--param k=v ...] [--seed S] [--json]</c>: fit, hold out, evaluate, save.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = LearnerCatalog.Default;
        var dataset = new Argument<string>("dataset") { Description = "A registered dataset (name or name@version) or a CSV file" };
        var target = new Option<string?>("--target") { Description = "The target column (default: the dataset's registered target)" };
        var model = new Option<string>("--model")
        {
            Description = $"The model family: {string.Join(", ", catalog.Entries.Select(e => e.Name).Order(StringComparer.Ordinal))}",
            DefaultValueFactory = _ => "tree",
        };
        var parameters = new Option<string[]>("--param") { Description = "A learner parameter key=value (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var task = new Option<string?>("--task") { Description = "classification or regression (default: inferred from the target)" };
        task.AcceptOnlyFromAmong("classification", "regression", "rul");
        var testFraction = new Option<double>("--test-fraction") { Description = "Held-out share, stratified for classification", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and the learner", DefaultValueFactory = _ => 0 };
        var exclude = new Option<string[]>("--exclude") { Description = "A column to leave out of the features (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var cv = new Option<int>("--cv") { Description = "Cross-validation folds on the training rows (0 = none)", DefaultValueFactory = _ => 0 };
        var tune = new Option<string?>("--tune") { Description = "Tune hyperparameters on the training rows: grid, random or tpe" };
        tune.AcceptOnlyFromAmong("grid", "random", "tpe");
        var trials = new Option<int>("--trials") { Description = "Tuning trials", DefaultValueFactory = _ => 30 };
        var tuneThreshold = new Option<bool>("--tune-threshold") { Description = "Choose the binary decision threshold maximizing F1 on out-of-fold training predictions" };
        var split = new Option<string>("--split") { Description = "How to hold out test rows: auto (stratified/random), random, time, group", DefaultValueFactory = _ => "auto" };
        split.AcceptOnlyFromAmong("auto", "random", "time", "group");
        var timeColumn = new Option<string?>("--time") { Description = "The time column of --split time" };
        var groupColumn = new Option<string?>("--group") { Description = "The group column (machine or unit id) of --split group, or per-group time splits" };
        var features = new Option<string>("--features") { Description = "Feature pipeline fitted on the training rows: auto, none, or a JSON/YAML spec file", DefaultValueFactory = _ => "none" };
        var format = new Option<string?>("--format") { Description = "Input format of --task rul: cmapss (space-separated NASA files; the default for .txt) or csv (a dataset with --group and --time)" };
        format.AcceptOnlyFromAmong("cmapss", "csv");
        var clip = new Option<bool>("--clip") { Description = "--task rul: the saved model clamps its predictions to [0, --rul-cap] (default: raw predictions)" };
        var testFile = new Option<string?>("--test") { Description = "--task rul: the test file (last window of each unit is scored)" };
        var testRul = new Option<string?>("--test-rul") { Description = "--task rul: the true RUL of each test unit" };
        var window = new Option<int>("--window") { Description = "--task rul: window length in cycles", DefaultValueFactory = _ => 30 };
        var rulCap = new Option<double>("--rul-cap") { Description = "--task rul: cap of the piecewise-linear RUL labels and of the capped test truth", DefaultValueFactory = _ => 125 };
        var output = new Option<string?>("--out") { Description = "Where to save the model (default: <data-dir>/models/<dataset>/<time>/model.vigil)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("train", "Train a model with a held-out test split and save it")
        {
            dataset, target, model, parameters, task, testFraction, seed, exclude, cv, tune, trials, tuneThreshold, split, timeColumn, groupColumn, features, format, testFile, testRul, window, rulCap, clip, output, json,
        };
        var tracking = new TrainTracking();
        tracking.AddTo(command);
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var rulFormat = parse.GetValue(format)
                ?? (parse.GetRequiredValue(dataset).EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? "cmapss" : "csv");
            if (parse.GetValue(task) == "rul" && rulFormat == "csv")
            {
                RulDatasetRequest generic;
                try
                {
                    var splitKind = parse.GetRequiredValue(split) switch
                    {
                        "auto" or "group" => RulSplit.Group,
                        "random" => RulSplit.Random,
                        var other => throw new ArgumentException($"--split {other}: a RUL task holds out whole units (group, the default) or, leakily, random windows (random)"),
                    };
                    generic = new RulDatasetRequest(
                        parse.GetValue(groupColumn), parse.GetValue(timeColumn), parse.GetValue(target),
                        parse.GetValue(model) is "tree" or null ? "gbdt" : parse.GetRequiredValue(model), parse.GetValue(window), parse.GetValue(rulCap), parse.GetValue(seed),
                        splitKind, parse.GetValue(testFraction), parse.GetValue(exclude), parse.GetValue(clip));
                }
                catch (ArgumentException ex)
                {
                    throw new UserException(ex.Message);
                }

                return await RulTraining.RunDatasetAsync(context, parse, tracking, parse.GetRequiredValue(dataset), generic, parse.GetValue(output), parse.GetValue(json), ct).ConfigureAwait(false);
            }

            if (parse.GetValue(task) == "rul")
            {
                RulRequest rul;
                try
                {
                    rul = new RulRequest(
                        parse.GetRequiredValue(dataset), parse.GetValue(testFile) ?? "", parse.GetValue(testRul) ?? "",
                        parse.GetValue(model) is "tree" or null ? "gbdt" : parse.GetRequiredValue(model), parse.GetValue(window), parse.GetValue(rulCap), parse.GetValue(seed), parse.GetValue(clip));
                }
                catch (ArgumentException ex)
                {
                    throw new UserException(ex.Message);
                }

                return await RulTraining.RunAsync(context, parse, tracking, rul, parse.GetValue(output), parse.GetValue(json), ct).ConfigureAwait(false);
            }

            var loaded = await DatasetInput.LoadAsync(context, parse, parse.GetRequiredValue(dataset), ct).ConfigureAwait(false);
            var targetName = parse.GetValue(target) ?? loaded.Version?.Target
                ?? throw new UserException("--target is required (the dataset has no registered target).");
            TrainingRequest request;
            try
            {
                request = new TrainingRequest(
                    targetName,
                    parse.GetRequiredValue(model),
                    LearnerParameters.Parse(parse.GetValue(parameters) ?? []),
                    parse.GetValue(task) switch { "classification" => ModelTask.Classification, "regression" => ModelTask.Regression, _ => null },
                    parse.GetValue(testFraction),
                    parse.GetValue(seed),
                    parse.GetValue(exclude),
                    parse.GetValue(cv),
                    parse.GetValue(tune) is { } sampler ? new TuningRequest(sampler, parse.GetValue(trials)) : null,
                    parse.GetValue(tuneThreshold),
                    Enum.Parse<HoldOutKind>(parse.GetRequiredValue(split), ignoreCase: true),
                    parse.GetValue(timeColumn),
                    parse.GetValue(groupColumn),
                    FeatureOption.Resolve(parse.GetRequiredValue(features)));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            var lineage = loaded.Version is { } v
                ? RunRecorder.RegisteredDataset(v.Name, v.Version, v.Sha256, v.Source, v.SchemaJson)
                : RunRecorder.LocalFile(loaded.Source);
            await using var session = await tracking.StartAsync(
                context, parse, TrainingRecords.Tabular(request, parse.GetRequiredValue(features), null, null, [lineage]), ct).ConfigureAwait(false);
            var modelFile = ModelPath(context, parse, parse.GetValue(output), loaded);
            var result = await session.GuardAsync(async () =>
            {
                TrainingResult trained;
                try
                {
                    var job = new TrainingJob(catalog, context.Time);
                    trained = await Progress.Run(context.Console, $"Training {request.Model} on {loaded.Source}", _ => job.Run(loaded.Read.Frame, request, ct)).ConfigureAwait(false);
                }
                catch (ArgumentException ex)
                {
                    throw new UserException(ex.Message);
                }

                var saved = trained.Model switch
                {
                    TabularClassifier c => (ITabularModel)c.WithInfo(c.Info with { TrainingDatasetHash = loaded.Version?.Sha256 ?? lineage.Dataset.Digest, CreatedAt = context.Time.GetUtcNow() }),
                    TabularRegressor r => r.WithInfo(r.Info with { TrainingDatasetHash = loaded.Version?.Sha256 ?? lineage.Dataset.Digest, CreatedAt = context.Time.GetUtcNow() }),
                    var other => other,
                };
                ModelFile.Save(saved, modelFile, ModelFiles.Codecs);
                return trained;
            }).ConfigureAwait(false);
            var completed = await session.CompleteAsync(TrainingRecords.Tabular(result), modelFile, ct).ConfigureAwait(false);

            if (parse.GetValue(json))
            {
                var document = new JsonObject
                {
                    ["dataset"] = loaded.Source,
                    ["target"] = request.Target,
                    ["task"] = result.Task.ToString().ToLowerInvariant(),
                    ["model"] = request.Model,
                    ["params"] = new JsonObject([.. request.Parameters.Values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                    ["seed"] = request.Seed,
                    ["split"] = new JsonObject { ["kind"] = result.SplitKind, ["train_rows"] = result.TrainRows, ["test_rows"] = result.TestRows },
                    ["features"] = new JsonArray([.. result.Model.Encoding.FeatureNames.Select(f => (JsonNode?)f)]),
                    ["feature_pipeline"] = result.Model.Preprocessor is FittedFeaturePipeline pipeline
                        ? new JsonArray([.. pipeline.Describe().Select(d => (JsonNode?)d)])
                        : null,
                    ["excluded_columns"] = new JsonObject([.. result.ExcludedColumns.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                    ["cv"] = result.CrossValidation.Count == 0 ? null : new JsonObject([.. result.CrossValidation.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
                    {
                        ["mean"] = Finite(kv.Value.Mean),
                        ["std"] = Finite(kv.Value.Std),
                    }))]),
                    ["tuning"] = result.Tuning is not { } tuning ? null : new JsonObject
                    {
                        ["sampler"] = tuning.Sampler,
                        ["metric"] = tuning.Metric,
                        ["trials"] = tuning.Trials,
                        ["pruned"] = tuning.Pruned,
                        ["failed"] = tuning.Failed,
                        ["best_value"] = Finite(tuning.BestValue),
                        ["best_params"] = new JsonObject([.. tuning.BestParameters.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                    },
                    ["decision_threshold"] = result.DecisionThreshold,
                    ["test"] = Metrics(result.Test),
                    ["train_seconds"] = result.TrainSeconds,
                    ["model_file"] = modelFile,
                };
                TrainTracking.AddJson(document, completed);
                await JsonOutput.WriteAsync(context.Console, document).ConfigureAwait(false);
            }
            else
            {
                var o = context.Console.Out;
                await o.WriteLineAsync($"Trained {request.Model} ({result.Task.ToString().ToLowerInvariant()}) on {loaded.Source}: {result.TrainRows:N0} train / {result.TestRows:N0} test rows ({result.SplitKind}), {result.TrainSeconds:F2} s").ConfigureAwait(false);
                foreach (var (column, why) in result.ExcludedColumns)
                {
                    await o.WriteLineAsync($"  excluded '{column}': {why}").ConfigureAwait(false);
                }

                foreach (var (metric, (mean, std)) in result.CrossValidation)
                {
                    await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  cv {metric}: {mean:F4} ± {std:F4}")).ConfigureAwait(false);
                }

                if (result.Tuning is { } tuned)
                {
                    await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  tuned ({tuned.Sampler}, {tuned.Trials} trials, {tuned.Pruned} pruned): best cv {tuned.Metric} {tuned.BestValue:F4} with {string.Join(", ", tuned.BestParameters.Select(kv => $"{kv.Key}={kv.Value}"))}")).ConfigureAwait(false);
                }

                if (result.DecisionThreshold is { } threshold)
                {
                    await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  decision threshold {threshold:F4} (max F1 on out-of-fold training predictions)")).ConfigureAwait(false);
                }

                await o.WriteLineAsync("  test: " + string.Join("  ", result.Test.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:G4}")))).ConfigureAwait(false);
                await o.WriteLineAsync($"  saved {modelFile}").ConfigureAwait(false);
                await TrainTracking.WriteTextAsync(o, completed).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Metrics as JSON, with non-finite values as null.</summary>
    public static JsonObject Metrics(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new JsonObject([.. metrics.Select(kv => KeyValuePair.Create(kv.Key, double.IsFinite(kv.Value) ? (JsonNode?)kv.Value : null))]);
    }

    private static string ModelPath(CommandContext context, ParseResult parse, string? explicitPath, DatasetInput.Loaded loaded)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return full;
        }

        var name = loaded.Version?.Name ?? Path.GetFileNameWithoutExtension(loaded.Source);
        var stamp = context.Time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var dir = Path.Combine(context.Globals.ResolveDataDir(parse), "models", name, stamp);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "model.vigil");
    }
}
