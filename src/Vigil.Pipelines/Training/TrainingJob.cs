using System.Globalization;
using System.Text.Json;
using Vigil.Data.Frames;
using Vigil.Data.Validation;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;

namespace Vigil.Pipelines.Training;

/// <summary>
/// Trains one model on a frame: leakage-aware feature selection, a seeded hold-out split, optional cross-validation,
/// tuning and decision-threshold tuning on the training rows only, the final fit, and held-out metrics.
/// </summary>
public sealed class TrainingJob(LearnerCatalog catalog, TimeProvider time)
{
    /// <summary>Runs the job; the held-out test rows are never seen by tuning or the fit.</summary>
    public TrainingResult Run(DataFrame frame, TrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in new[] { request.Target, request.TimeColumn, request.GroupColumn }.OfType<string>().Concat(request.Exclude))
        {
            if (!frame.Contains(name))
            {
                throw new ArgumentException($"Column '{name}' is not in the data; columns: {string.Join(", ", frame.ColumnNames)}.");
            }
        }

        var task = request.Task ?? TaskInference.Infer(frame[request.Target]);
        var entry = catalog.Get(request.Model);
        if (!entry.Supports(task))
        {
            throw new ArgumentException($"Model '{request.Model}' does not do {task.ToString().ToLowerInvariant()}.");
        }

        var excluded = ExcludedColumns(frame, request, task);

        // Leaking, identifying and user-excluded columns never reach the feature pipeline or the model; the group and
        // time columns stay in the frame because window features need them (the encoder leaves them out).
        frame = frame.Drop(excluded.Keys.Where(c => c != request.GroupColumn && c != request.TimeColumn));
        var encoder = new TabularEncoderOptions { Target = request.Target, Exclude = [.. excluded.Keys.Where(frame.Contains)] };
        if (new TabularEncoder(encoder).Fit(frame.Head(1)).FeatureCount == 0)
        {
            throw new ArgumentException(
                $"No feature is left to learn from: {string.Join("; ", excluded.Select(e => $"'{e.Key}' {e.Value}"))}. Use --exclude less, or check the data.");
        }

        var context = new TrainingContext(catalog, entry, request, encoder, excluded, time);
        return task == ModelTask.Classification
            ? ClassifierTraining.Run(frame, context, cancellationToken)
            : RegressorTraining.Run(frame, context, cancellationToken);
    }

    /// <summary>Held-out metrics of a classifier: the binary set (at its decision threshold) for two classes, multiclass otherwise.</summary>
    public static IReadOnlyDictionary<string, double> ClassifierMetrics(TabularClassifier model, DataFrame labelled)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labelled);
        if (model.ClassCount == 2)
        {
            return model.EvaluateBinary(labelled).ToDictionary();
        }

        var truth = model.Labels.Encode(labelled[model.TargetName]);
        return MulticlassMetrics.FromProbabilities(truth, model.PredictProba(labelled), model.ClassCount).ToDictionary();
    }

    private static Dictionary<string, string> ExcludedColumns(DataFrame frame, TrainingRequest request, ModelTask task)
    {
        var report = DataValidator.Validate(frame, new ValidationOptions(target: task == ModelTask.Classification ? request.Target : null));
        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        if (task == ModelTask.Classification)
        {
            foreach (var s in report.LeakageSuspects)
            {
                excluded[s.Column] = string.Create(CultureInfo.InvariantCulture, $"leakage suspect ({JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Rule.ToString())}, score {s.Score:F3})");
            }
        }

        foreach (var id in report.IdentifierColumns.Where(c => c != request.Target))
        {
            excluded.TryAdd(id, "identifier");
        }

        if (request.GroupColumn is not null)
        {
            excluded.TryAdd(request.GroupColumn, "group column");
        }

        foreach (var name in request.Exclude)
        {
            excluded.TryAdd(name, "excluded by request");
        }

        return excluded;
    }
}
