using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Data.Cmapss;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.Data.Validation;
using Vigil.Features;
using Vigil.Features.Pipeline;
using Vigil.ML;
using Vigil.ML.Persistence;
using Vigil.Pipelines.Ingestion;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Tracking;
using Vigil.Pipelines.Training;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Sql;

namespace Vigil.Cli.Demo;

/// <summary>The walking skeleton: generate → ingest → validate → split → choose RF or GBDT by CV → evaluate → save.</summary>
public sealed class DemoRunner(CliConsole console, TimeProvider time)
{
    /// <summary>The model families the demo compares.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["rf", "gbdt"];

    /// <summary>The model family of the RUL chapter: the seed papers' CNN-LSTM on raw windows.</summary>
    public const string RulModelFamily = "cnn-lstm";

    /// <summary>The most epochs the demo's RUL network trains (early stopping on held-out units usually ends it sooner); the CLI default is 30.</summary>
    public const int RulEpochs = 15;

    /// <summary>The model family of the leaky-split contrast: a tree ensemble memorises overlapping windows, which is what the warning is about.</summary>
    public const string LeakContrastFamily = "gbdt";

    /// <summary>The registered model the demo adds its AI4I classifier to (alias <c>champion</c>).</summary>
    public const string RegisteredModelName = "pdm-ai4i";

    /// <summary>Runs the demo; narrates to stderr when <paramref name="quiet"/>, else to stdout.</summary>
    public async Task<DemoResult> RunAsync(DemoOptions options, bool quiet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var say = quiet ? console.Error : console.Out;
        var started = time.GetTimestamp();
        Directory.CreateDirectory(options.DataDirectory);
        await using var store = VigilStore.Open(options.DataDirectory, null, time);

        // 1. Data.
        await say.WriteLineAsync($"== 1. Data: {options.Rows:N0} rows of AI4I-like machine data (seed {options.Seed})").ConfigureAwait(false);
        var generated = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(options.Rows, options.Seed));
        var demoDir = Path.Combine(options.DataDirectory, "demo");
        Directory.CreateDirectory(demoDir);
        var csv = Path.Combine(demoDir, string.Create(CultureInfo.InvariantCulture, $"ai4i-demo-{options.Rows}-s{options.Seed}.csv"));
        CsvWriter.WriteFile(generated, csv);
        var ingestor = Stores.Ingestor(store);
        var ingest = await ingestor.IngestAsync(new IngestRequest(csv, options.DatasetName, options.Target), null, cancellationToken).ConfigureAwait(false);
        var frame = ingest.Read.Frame;
        await say.WriteLineAsync($"   ingested {ingest.Version.Reference}: {ingest.Version.RowCount:N0} rows, {ingest.Version.QuarantinedRowCount} quarantined, sha256 {ingest.Version.Sha256[..12]}{(ingest.Reused ? " (identical content, version reused)" : "")}").ConfigureAwait(false);

        var report = DataValidator.Validate(frame, new ValidationOptions(target: options.Target));
        var failures = report.ClassBalance?.Classes.FirstOrDefault(c => c.Label == "1")?.Count ?? 0;
        await say.WriteLineAsync($"   validated: {report.Issues.Count} findings; {failures:N0} machine failures ({100.0 * failures / frame.RowCount:F2}%)").ConfigureAwait(false);
        foreach (var suspect in report.LeakageSuspects)
        {
            await say.WriteLineAsync($"   WARNING leakage: '{suspect.Column}' leaks the target ({suspect.Evidence}); excluded from the features").ConfigureAwait(false);
        }

        foreach (var id in report.IdentifierColumns)
        {
            await say.WriteLineAsync($"   note: '{id}' identifies rows; excluded from the features").ConfigureAwait(false);
        }

        // 2. Train: the best of a random forest and gradient boosting, chosen by cross-validation on the training rows only.
        await say.WriteLineAsync("== 2. Train: automatic features, then random forest vs gradient boosting chosen by 3-fold CV ROC-AUC on the training rows; stratified 80/20 hold-out").ConfigureAwait(false);
        var job = new TrainingJob(LearnerCatalog.Default, time);
        TrainingResult? best = null;
        string? bestName = null;
        foreach (var candidate in Candidates)
        {
            var trained = job.Run(
                frame,
                new TrainingRequest(options.Target, candidate, seed: options.Seed, cvFolds: 3, tuneThreshold: true, features: FeatureOption.Resolve("auto")),
                cancellationToken);
            var (cvAuc, cvStd) = trained.CrossValidation["roc_auc"];
            await say.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"   {candidate,-5} cv ROC-AUC {cvAuc:F4} ± {cvStd:F4}  (fit {trained.TrainSeconds:F2} s)")).ConfigureAwait(false);
            if (best is null || cvAuc > best.CrossValidation["roc_auc"].Mean)
            {
                (best, bestName) = (trained, candidate);
            }
        }

        var classifier = (TabularClassifier)best!.Model;
        var metrics = best.Test;
        var trainSeconds = best.TrainSeconds;
        if (classifier.Preprocessor is FittedFeaturePipeline pipeline)
        {
            foreach (var line in pipeline.Describe())
            {
                await say.WriteLineAsync($"   features {line}").ConfigureAwait(false);
            }
        }

        await say.WriteLineAsync($"   chose {bestName}; decision threshold {best.DecisionThreshold ?? 0.5:F3} (tuned on out-of-fold training predictions); features: {string.Join(", ", classifier.Encoding.FeatureNames)}").ConfigureAwait(false);
        await say.WriteLineAsync($"   trained on {best.TrainRows:N0} rows; tested on {best.TestRows:N0} held-out rows ({metrics["support_positive"]:F0} failures)").ConfigureAwait(false);
        await say.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   accuracy {metrics["accuracy"]:F3}  precision {metrics["precision"]:F3}  recall {metrics["recall"]:F3}  F1 {metrics["f1"]:F3}  ROC-AUC {metrics["roc_auc"]:F3}  PR-AUC {metrics["pr_auc"]:F3}")).ConfigureAwait(false);

        // Save the model and its metrics.
        var testMetrics = metrics;
        classifier = classifier.WithInfo(classifier.Info with
        {
            Metrics = testMetrics,
            TrainingDatasetHash = ingest.Version.Sha256,
            CreatedAt = time.GetUtcNow(),
        });
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var modelDir = Path.Combine(options.DataDirectory, "models", options.ModelName, stamp);
        Directory.CreateDirectory(modelDir);
        var modelFile = Path.Combine(modelDir, "model.vigil");
        ModelFile.Save(classifier, modelFile, ModelFiles.Codecs);
        var metricsFile = Path.Combine(modelDir, "metrics.json");
        await File.WriteAllTextAsync(metricsFile, JsonSerializer.Serialize(new
        {
            dataset = ingest.Version.Reference,
            dataset_sha256 = ingest.Version.Sha256,
            model = bestName,
            seed = options.Seed,
            test = testMetrics,
        }, JsonOutput.Options), cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"   saved {modelFile}").ConfigureAwait(false);

        // Record the winning training as a run and register it as the champion of the registered model.
        var request = new TrainingRequest(options.Target, bestName!, seed: options.Seed, cvFolds: 3, tuneThreshold: true, features: FeatureOption.Resolve("auto"));
        var recorder = new RunRecorder(store.Tracking, store.Artifacts, time);
        var lineage = RunRecorder.RegisteredDataset(ingest.Version.Name, ingest.Version.Version, ingest.Version.Sha256, ingest.Version.Source, ingest.Version.SchemaJson);
        var run = await recorder.StartAsync(
            TrainingRecords.Tabular(request, "auto", null, $"demo-{bestName}", [lineage]) with { Tags = DemoTags(bestName!) }, cancellationToken).ConfigureAwait(false);
        var completed = await recorder.CompleteAsync(
            run, TrainingRecords.Tabular(best), modelFile, new ModelRegistrar(store.Registry),
            new ModelRegistration(RegisteredModelName, ModelRegistrar.DefaultAlias, new ChangeContext(RunRecorder.CurrentUser(), "vigil demo"), "AI4I failure classifier from vigil demo"),
            cancellationToken).ConfigureAwait(false);
        var version = completed.Version!;
        await say.WriteLineAsync($"   recorded run {run.RunId}; registered {version.Name} version {version.Version} as {ModelRegistrar.DefaultAlias}").ConfigureAwait(false);

        var rul = await RulChapterAsync(options, say, stamp, cancellationToken).ConfigureAwait(false);

        var elapsed = time.GetElapsedTime(started).TotalSeconds;
        await say.WriteLineAsync($"== Done in {elapsed:F1} s. Data directory: {options.DataDirectory}").ConfigureAwait(false);
        await say.WriteLineAsync($"   next: vigil datasets show {ingest.Version.Reference} --data-dir {options.DataDirectory}").ConfigureAwait(false);
        await say.WriteLineAsync($"         vigil validate {ingest.Version.Reference} --data-dir {options.DataDirectory}").ConfigureAwait(false);
        await say.WriteLineAsync($"         vigil runs show {run.RunId} --data-dir {options.DataDirectory}").ConfigureAwait(false);
        await say.WriteLineAsync($"         vigil models show {RegisteredModelName} --data-dir {options.DataDirectory}").ConfigureAwait(false);

        return new DemoResult
        {
            Seed = options.Seed,
            DataDirectory = options.DataDirectory,
            ElapsedSeconds = elapsed,
            Data = new DemoData
            {
                File = csv,
                Dataset = ingest.Version.Reference,
                Sha256 = ingest.Version.Sha256,
                Rows = ingest.Version.RowCount,
                QuarantinedRows = ingest.Version.QuarantinedRowCount,
                Failures = (int)failures,
                LeakageSuspects = [.. report.LeakageSuspects.Select(s => s.Column)],
                ExcludedColumns = report.ExcludedColumns,
                Issues = report.Issues.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            },
            Training = new DemoTraining
            {
                Model = bestName!,
                RunId = run.RunId,
                ExperimentId = run.ExperimentId,
                RegisteredModel = version.Name,
                ModelVersion = version.Version,
                Features = classifier.Encoding.FeatureNames,
                TrainRows = best.TrainRows,
                TestRows = best.TestRows,
                Test = testMetrics,
                TrainSeconds = trainSeconds,
                ModelFile = modelFile,
                MetricsFile = metricsFile,
            },
            Rul = rul,
        };
    }

    /// <summary>Chapter 2b: a RUL model on generated run-to-failure data, scored on held-out units, with the leaky split for contrast.</summary>
    private async Task<DemoRul> RulChapterAsync(DemoOptions options, TextWriter say, string stamp, CancellationToken cancellationToken)
    {
        var chapterStart = time.GetTimestamp();
        var generator = new DegradationGeneratorOptions(options.RulUnits, options.Seed, minLife: 120, maxLife: 240);
        await say.WriteLineAsync($"== 2b. Remaining useful life: {generator.Units} generated run-to-failure units ({generator.MinLife}–{generator.MaxLife} cycles, seed {options.Seed}); {RulModelFamily} on 30-cycle windows, RUL capped at 125, 20 % of the units held out").ConfigureAwait(false);
        var frame = DegradationGenerator.Generate(generator);
        var csv = Path.Combine(options.DataDirectory, "demo", string.Create(CultureInfo.InvariantCulture, $"degradation-{generator.Units}-s{options.Seed}.csv"));
        CsvWriter.WriteFile(frame, csv);
        var job = new RulTrainingJob(RulLearnerCatalog.WithNeural(LearnerCatalog.Default, RulEpochs), time);
        var proper = job.Run(frame, new RulDatasetRequest("unit", "cycle", model: RulModelFamily, seed: options.Seed), cancellationToken);
        var last = proper.LastWindow!;
        await say.WriteLineAsync($"   sensors {string.Join(", ", proper.Sensors)}; dropped {string.Join(", ", proper.DroppedColumns.Select(d => $"{d.Key} ({d.Value})"))}").ConfigureAwait(false);
        await say.WriteLineAsync($"   {proper.TrainUnits} training units ({proper.TrainWindows:N0} windows); {proper.TestUnits} held-out units").ConfigureAwait(false);
        await say.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   held-out units, last window: RMSE {last.Capped.Rmse:F1}  MAE {last.Capped.Mae:F1}  PHM08 {last.Capped.Phm08Score:F0}; all {proper.TestWindows:N0} windows: RMSE {proper.AllWindows.Rmse:F1}  R² {proper.AllWindows.R2:F3}")).ConfigureAwait(false);

        // The leak is clearest on a model that can memorise windows, so the contrast uses gradient boosting both ways.
        var fair = job.Run(frame, new RulDatasetRequest("unit", "cycle", model: LeakContrastFamily, seed: options.Seed), cancellationToken);
        var leaky = job.Run(frame, new RulDatasetRequest("unit", "cycle", model: LeakContrastFamily, seed: options.Seed, split: RulSplit.Random), cancellationToken);
        await say.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   WARNING leakage: {LeakContrastFamily} scores R² {fair.AllWindows.R2:F3} (RMSE {fair.AllWindows.Rmse:F1}) on held-out units but R² {leaky.AllWindows.R2:F3} (RMSE {leaky.AllWindows.Rmse:F1}) on a row-level random split of the same data — overlapping windows of a unit on both sides flatter the model; Vigil holds out whole units")).ConfigureAwait(false);

        var modelDir = Path.Combine(options.DataDirectory, "models", "rul", stamp);
        Directory.CreateDirectory(modelDir);
        var modelFile = Path.Combine(modelDir, "model.vigil");
        ModelFile.Save(proper.Model.WithInfo(proper.Model.Info with { CreatedAt = time.GetUtcNow() }), modelFile, ModelFiles.Codecs);
        var chapterSeconds = time.GetElapsedTime(chapterStart).TotalSeconds;
        await say.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"   saved {modelFile} (chapter {chapterSeconds:F1} s)")).ConfigureAwait(false);
        await say.WriteLineAsync($"   try: vigil predict --model {modelFile} --input {csv} --output rul.csv").ConfigureAwait(false);
        return new DemoRul
        {
            Model = RulModelFamily,
            File = csv,
            Units = generator.Units,
            TrainUnits = proper.TrainUnits,
            TestUnits = proper.TestUnits,
            Sensors = proper.Sensors,
            DroppedColumns = [.. proper.DroppedColumns.Keys],
            LastWindow = Dict(last.Capped),
            AllWindows = Dict(proper.AllWindows),
            LeakyRandomSplit = Dict(leaky.AllWindows),
            TrainSeconds = proper.TrainSeconds,
            ModelFile = modelFile,
            ElapsedSeconds = chapterSeconds,
        };
    }

    private static Dictionary<string, string> DemoTags(string family) => new(StringComparer.Ordinal)
    {
        [RunRecorder.TaskTag] = "classification",
        [RunRecorder.ModelFamilyTag] = family,
        [RunRecorder.SourceNameTag] = "vigil demo",
    };

    private static Dictionary<string, double> Dict(RulMetrics m) => new(StringComparer.Ordinal)
    {
        ["rmse"] = m.Rmse,
        ["mae"] = m.Mae,
        ["r2"] = m.R2,
        ["phm08"] = m.Phm08Score,
    };
}
