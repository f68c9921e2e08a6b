using System.Globalization;
using System.Text.Json;
using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.Data.Validation;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;

namespace Vigil.Pipelines.Training;

/// <summary>Trains one model on a frame: leakage-aware feature selection, a seeded hold-out split, fit, and held-out metrics.</summary>
public sealed class TrainingJob(LearnerCatalog catalog, TimeProvider time)
{
    /// <summary>Runs the job; the test rows are never seen by the fit.</summary>
    public TrainingResult Run(DataFrame frame, TrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(request);
        if (!frame.Contains(request.Target))
        {
            throw new ArgumentException($"Target column '{request.Target}' is not in the data; columns: {string.Join(", ", frame.ColumnNames)}.");
        }

        foreach (var name in request.Exclude.Where(n => !frame.Contains(n)))
        {
            throw new ArgumentException($"Excluded column '{name}' is not in the data.");
        }

        var task = request.Task ?? TaskInference.Infer(frame[request.Target]);
        var excluded = ExcludedColumns(frame, request);
        var encoder = new TabularEncoderOptions { Target = request.Target, Exclude = [.. excluded.Keys] };
        return task == ModelTask.Classification
            ? Classify(frame, request, encoder, excluded, cancellationToken)
            : Regress(frame, request, encoder, excluded, cancellationToken);
    }

    private static Dictionary<string, string> ExcludedColumns(DataFrame frame, TrainingRequest request)
    {
        var report = DataValidator.Validate(frame, new ValidationOptions(target: request.Target));
        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in report.LeakageSuspects)
        {
            excluded[s.Column] = string.Create(CultureInfo.InvariantCulture, $"leakage suspect ({JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Rule.ToString())}, score {s.Score:F3})");
        }

        foreach (var id in report.IdentifierColumns)
        {
            excluded.TryAdd(id, "identifier");
        }

        foreach (var name in request.Exclude)
        {
            excluded.TryAdd(name, "excluded by request");
        }

        return excluded;
    }

    private TrainingResult Classify(DataFrame frame, TrainingRequest request, TabularEncoderOptions encoder, Dictionary<string, string> excluded, CancellationToken ct)
    {
        var labels = ClassLabels.Fit(frame[request.Target]);
        var y = labels.Encode(frame[request.Target]);
        var split = StratifiedSplit.Split(y, request.TestFraction, request.Seed);
        var train = frame.Take(split.Train);
        var test = frame.Take(split.Test);
        var learner = catalog.Classifier(request.Model, request.Parameters, request.Seed);
        var start = time.GetTimestamp();
        var model = TabularClassifier.Fit(learner, train, encoder, ct);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        var metrics = ClassifierMetrics(model, test);
        return new TrainingResult
        {
            Model = model.WithInfo(model.Info with { Metrics = metrics }),
            Task = ModelTask.Classification,
            SplitKind = "stratified",
            TrainRows = split.TrainCount,
            TestRows = split.TestCount,
            Test = metrics,
            ExcludedColumns = excluded,
            TrainSeconds = seconds,
        };
    }

    private TrainingResult Regress(DataFrame frame, TrainingRequest request, TabularEncoderOptions encoder, Dictionary<string, string> excluded, CancellationToken ct)
    {
        var split = RandomSplit(frame.RowCount, request.TestFraction, request.Seed);
        var train = frame.Take(split.Train);
        var test = frame.Take(split.Test);
        var learner = catalog.Regressor(request.Model, request.Parameters, request.Seed);
        var start = time.GetTimestamp();
        var model = TabularRegressor.Fit(learner, train, encoder, ct);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        var metrics = model.Evaluate(test).ToDictionary();
        return new TrainingResult
        {
            Model = model.WithInfo(model.Info with { Metrics = metrics }),
            Task = ModelTask.Regression,
            SplitKind = "random",
            TrainRows = split.TrainCount,
            TestRows = split.TestCount,
            Test = metrics,
            ExcludedColumns = excluded,
            TrainSeconds = seconds,
        };
    }

    /// <summary>Held-out metrics of a classifier: the binary set for two classes, accuracy and macro-F1 otherwise.</summary>
    public static IReadOnlyDictionary<string, double> ClassifierMetrics(TabularClassifier model, DataFrame labelled)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labelled);
        if (model.ClassCount == 2)
        {
            return model.EvaluateBinary(labelled).ToDictionary();
        }

        var truth = model.Labels.Encode(labelled[model.TargetName]);
        var features = model.Encode(labelled);
        var predicted = new int[features.RowCount];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = model.Model.PredictClass(features.Row(i));
        }

        return MulticlassSummary(truth, predicted, model.ClassCount);
    }

    private static Dictionary<string, double> MulticlassSummary(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classes)
    {
        var correct = 0;
        var tp = new double[classes];
        var fp = new double[classes];
        var fn = new double[classes];
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] == predicted[i])
            {
                correct++;
                tp[truth[i]]++;
            }
            else
            {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }

        var f1 = Enumerable.Range(0, classes).Select(k => tp[k] == 0 ? 0 : 2 * tp[k] / ((2 * tp[k]) + fp[k] + fn[k])).Average();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["accuracy"] = truth.Length == 0 ? double.NaN : correct / (double)truth.Length,
            ["f1_macro"] = f1,
        };
    }

    private static TrainTestIndices RandomSplit(int rows, double testFraction, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var testCount = (int)Math.Round(rows * testFraction, MidpointRounding.AwayFromZero);
        var test = order[..testCount];
        var train = order[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return new TrainTestIndices(train, test);
    }
}
