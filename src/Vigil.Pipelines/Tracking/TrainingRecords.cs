using System.Globalization;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Rul;
using Vigil.Pipelines.Ingestion;
using Vigil.Pipelines.Rul;
using Vigil.Pipelines.Training;
using Vigil.Tracking.Runs;

namespace Vigil.Pipelines.Tracking;

/// <summary>
/// What a training run records, by task: params and tags known before training (<see cref="RunPlan"/>), and metrics,
/// metric histories and the model signature known after it (<see cref="RunOutcome"/>). Test metrics are logged as
/// <c>test_&lt;metric&gt;</c>; cross-validation as <c>cv_&lt;metric&gt;</c> (one value per fold at steps 0..k-1) plus
/// <c>cv_&lt;metric&gt;_mean</c> and <c>cv_&lt;metric&gt;_std</c>.
/// </summary>
public static class TrainingRecords
{
    /// <summary>The plan of a classification/regression run.</summary>
    /// <param name="request">The training request.</param>
    /// <param name="featuresMode">The <c>--features</c> value (auto, none or a spec file).</param>
    /// <param name="experiment">The experiment name, or null for Default.</param>
    /// <param name="runName">The run name, or null.</param>
    /// <param name="inputs">Dataset inputs for lineage.</param>
    public static RunPlan Tabular(TrainingRequest request, string featuresMode, string? experiment, string? runName, IReadOnlyList<DatasetInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = request.Model,
            ["target"] = request.Target,
            ["seed"] = Text(request.Seed),
            ["split"] = request.HoldOut.ToString().ToLowerInvariant(),
            ["test_fraction"] = Text(request.TestFraction),
            ["features"] = featuresMode,
            ["cv_folds"] = Text(request.CvFolds),
        };
        Optional(p, "task", request.Task?.ToString().ToLowerInvariant());
        Optional(p, "time_column", request.TimeColumn);
        Optional(p, "group_column", request.GroupColumn);
        Optional(p, "exclude", request.Exclude.Count > 0 ? string.Join(",", request.Exclude) : null);
        Optional(p, "tune", request.Tuning is { } t ? $"{t.Sampler}:{t.Trials}" : null);
        Optional(p, "tune_threshold", request.TuneThreshold ? "true" : null);
        foreach (var (key, value) in request.Parameters.Values)
        {
            p.TryAdd(key, value);
        }

        var tags = Tags(request.Task?.ToString().ToLowerInvariant() ?? "auto", request.Model);
        return new RunPlan(experiment, runName, p, tags, inputs);
    }

    /// <summary>The outcome of a classification/regression run: test and CV metrics, per-fold histories, tuned params and the signature.</summary>
    public static RunOutcome Tabular(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = Prefixed("test_", result.Test);
        foreach (var (key, (mean, std)) in result.CrossValidation)
        {
            metrics[$"cv_{key}_mean"] = mean;
            metrics[$"cv_{key}_std"] = std;
        }

        metrics["train_rows"] = result.TrainRows;
        metrics["test_rows"] = result.TestRows;
        metrics["train_seconds"] = result.TrainSeconds;
        if (result.DecisionThreshold is { } threshold)
        {
            metrics["decision_threshold"] = threshold;
        }

        var histories = result.CrossValidationFolds.ToDictionary(kv => "cv_" + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["split_kind"] = result.SplitKind };
        foreach (var (key, value) in result.Tuning?.BestParameters ?? new Dictionary<string, string>())
        {
            extra["tuned." + key] = value;
        }

        var task = result.Task.ToString().ToLowerInvariant();
        return new RunOutcome(metrics, histories, extra, new Dictionary<string, string>(StringComparer.Ordinal) { [RunRecorder.TaskTag] = task },
            SchemaJson.Serialize(result.Model.RawInputSchema()), result.Test);
    }

    /// <summary>The plan of a C-MAPSS RUL run (train/test/truth files hashed as inputs).</summary>
    public static RunPlan Rul(RulRequest request, string? experiment, string? runName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = request.Model,
            ["format"] = "cmapss",
            ["window"] = Text(request.Window),
            ["rul_cap"] = Text(request.Cap),
            ["seed"] = Text(request.Seed),
            ["clip"] = request.Clip ? "true" : "false",
            ["split"] = "cmapss-test",
        };
        IReadOnlyList<DatasetInput> inputs =
        [
            RunRecorder.LocalFile(request.TrainPath, "training"),
            RunRecorder.LocalFile(request.TestPath, "test"),
            RunRecorder.LocalFile(request.TruthPath, "test-truth"),
        ];
        return new RunPlan(experiment, runName, p, Tags("rul", request.Model), inputs);
    }

    /// <summary>The outcome of a C-MAPSS RUL run.</summary>
    public static RunOutcome Rul(RulResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = Prefixed("test_", Dict(result.Evaluation.Capped));
        foreach (var (key, value) in Dict(result.Evaluation.Uncapped))
        {
            metrics["test_uncapped_" + key] = value;
        }

        metrics["train_windows"] = result.TrainWindows;
        metrics["test_units"] = result.TestUnits;
        metrics["train_seconds"] = result.TrainSeconds;
        return new RunOutcome(metrics, Empty(), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal),
            SchemaJson.Serialize(RulSchema(result.Model)), Dict(result.Evaluation.Capped));
    }

    /// <summary>The plan of a RUL run on a per-cycle dataset.</summary>
    public static RunPlan Rul(RulDatasetRequest request, string? experiment, string? runName, IReadOnlyList<DatasetInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = request.Model,
            ["format"] = "csv",
            ["group_column"] = request.Group,
            ["time_column"] = request.Time,
            ["window"] = Text(request.Window),
            ["rul_cap"] = Text(request.Cap),
            ["seed"] = Text(request.Seed),
            ["split"] = request.Split.ToString().ToLowerInvariant(),
            ["test_fraction"] = Text(request.TestFraction),
            ["clip"] = request.Clip ? "true" : "false",
        };
        Optional(p, "target", request.Target);
        Optional(p, "exclude", request.Exclude.Count > 0 ? string.Join(",", request.Exclude) : null);
        return new RunPlan(experiment, runName, p, Tags("rul", request.Model), inputs);
    }

    /// <summary>The outcome of a RUL run on a per-cycle dataset: all held-out windows as <c>test_*</c>, last windows as <c>test_last_window_*</c>.</summary>
    public static RunOutcome Rul(RulDatasetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = Prefixed("test_", Dict(result.AllWindows));
        if (result.LastWindow is { } last)
        {
            foreach (var (key, value) in Dict(last.Capped))
            {
                metrics["test_last_window_" + key] = value;
            }
        }

        metrics["train_units"] = result.TrainUnits;
        metrics["test_units"] = result.TestUnits;
        metrics["train_windows"] = result.TrainWindows;
        metrics["test_windows"] = result.TestWindows;
        metrics["train_seconds"] = result.TrainSeconds;
        var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["learner"] = result.Model.Regressor.Name, ["sensors"] = string.Join(",", result.Sensors) };
        return new RunOutcome(metrics, Empty(), extra, new Dictionary<string, string>(StringComparer.Ordinal),
            SchemaJson.Serialize(RulSchema(result.Model)), Dict(result.AllWindows));
    }

    /// <summary>The raw columns a RUL model reads: the group and time columns, then its sensors.</summary>
    public static FrameSchema RulSchema(RulModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new FrameSchema(
        [
            new ColumnSchema(model.Columns.Group, ColumnKind.String, Required: true),
            new ColumnSchema(model.Columns.Time, ColumnKind.Float64, Required: true),
            .. model.SensorColumns.Select(s => new ColumnSchema(s, ColumnKind.Float64)),
        ]);
    }

    /// <summary>RUL metrics by name (rmse, mae, r2, phm08, count).</summary>
    public static Dictionary<string, double> Dict(RulMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new(StringComparer.Ordinal)
        {
            ["rmse"] = metrics.Rmse,
            ["mae"] = metrics.Mae,
            ["r2"] = metrics.R2,
            ["phm08"] = metrics.Phm08Score,
            ["count"] = metrics.Count,
        };
    }

    private static Dictionary<string, string> Tags(string task, string model) => new(StringComparer.Ordinal)
    {
        [RunRecorder.TaskTag] = task,
        [RunRecorder.ModelFamilyTag] = model,
        [RunRecorder.SourceNameTag] = "vigil train",
    };

    private static Dictionary<string, IReadOnlyList<double>> Empty() => new(StringComparer.Ordinal);

    private static Dictionary<string, double> Prefixed(string prefix, IReadOnlyDictionary<string, double> metrics) =>
        metrics.ToDictionary(kv => prefix + kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static void Optional(Dictionary<string, string> p, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            p[key] = value;
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a finished training run adds to its record.</summary>
/// <param name="Metrics">Final metric values (step 0).</param>
/// <param name="Histories">Metric series logged at steps 0..n-1 (CV folds, epochs).</param>
/// <param name="Params">Params only known after training (tuned values, the split actually used).</param>
/// <param name="Tags">Tags only known after training (e.g. the inferred task).</param>
/// <param name="SignatureJson">The model's raw input schema as JSON, stored with a registered version.</param>
/// <param name="RegistryMetrics">The metrics snapshot stored with a registered version.</param>
public sealed record RunOutcome(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Histories,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    string? SignatureJson,
    IReadOnlyDictionary<string, double> RegistryMetrics);
