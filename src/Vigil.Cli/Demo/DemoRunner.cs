using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.Data.Splits;
using Vigil.Data.Validation;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Persistence;
using Vigil.ML.Trees;
using Vigil.Pipelines.Ingestion;
using Vigil.Tracking.Sql;

namespace Vigil.Cli.Demo;

/// <summary>The walking skeleton: generate → ingest → validate → split → train → evaluate → save.</summary>
public sealed class DemoRunner(CliConsole console, TimeProvider time)
{
    /// <summary>The tree settings of the demo model (CART, depth-limited, Gini).</summary>
    public static DecisionTreeOptions TreeOptions { get; } = new() { MaxDepth = 8, MinSamplesLeaf = 10, Criterion = SplitCriterion.Gini };

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

        // 2. Train.
        await say.WriteLineAsync("== 2. Train: CART decision tree on a stratified 80/20 split").ConfigureAwait(false);
        var labels = ClassLabels.Fit(frame[options.Target]);
        var y = labels.Encode(frame[options.Target]);
        var split = StratifiedSplit.Split(y, 0.2, options.Seed);
        var train = frame.Take(split.Train);
        var test = frame.Take(split.Test);
        var encoder = new TabularEncoderOptions { Target = options.Target, Exclude = report.ExcludedColumns };
        var learner = new DecisionTreeLearner(TreeOptions with { Seed = options.Seed });
        var trainStart = time.GetTimestamp();
        var classifier = TabularClassifier.Fit(learner, train, encoder, cancellationToken);
        var trainSeconds = time.GetElapsedTime(trainStart).TotalSeconds;
        var metrics = ClassificationMetrics.Binary(labels.Encode(test[options.Target]), classifier.PredictPositive(test));
        await say.WriteLineAsync($"   features: {string.Join(", ", classifier.Encoding.FeatureNames)}").ConfigureAwait(false);
        await say.WriteLineAsync($"   trained on {split.TrainCount:N0} rows in {trainSeconds:F2} s; tested on {split.TestCount:N0} rows ({metrics.PositiveSupport} failures)").ConfigureAwait(false);
        await say.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   accuracy {metrics.Accuracy:F3}  precision {metrics.Precision:F3}  recall {metrics.Recall:F3}  F1 {metrics.F1:F3}  ROC-AUC {metrics.RocAuc:F3}  PR-AUC {metrics.PrAuc:F3}")).ConfigureAwait(false);

        // Save the model and its metrics.
        var testMetrics = metrics.ToDictionary();
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
        ModelFile.Save(classifier, modelFile);
        var metricsFile = Path.Combine(modelDir, "metrics.json");
        await File.WriteAllTextAsync(metricsFile, JsonSerializer.Serialize(new
        {
            dataset = ingest.Version.Reference,
            dataset_sha256 = ingest.Version.Sha256,
            model = "cart",
            seed = options.Seed,
            test = testMetrics,
        }, JsonOutput.Options), cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"   saved {modelFile}").ConfigureAwait(false);

        var elapsed = time.GetElapsedTime(started).TotalSeconds;
        await say.WriteLineAsync($"== Done in {elapsed:F1} s. Data directory: {options.DataDirectory}").ConfigureAwait(false);
        await say.WriteLineAsync($"   next: vigil datasets show {ingest.Version.Reference} --data-dir {options.DataDirectory}").ConfigureAwait(false);
        await say.WriteLineAsync($"         vigil validate {ingest.Version.Reference} --data-dir {options.DataDirectory}").ConfigureAwait(false);

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
                Model = "cart",
                Features = classifier.Encoding.FeatureNames,
                TrainRows = split.TrainCount,
                TestRows = split.TestCount,
                Test = testMetrics,
                TrainSeconds = trainSeconds,
                ModelFile = modelFile,
                MetricsFile = metricsFile,
            },
        };
    }
}
