using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.Features;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Validation;

namespace Vigil.Pipelines.Training;

/// <summary>The classification path of <see cref="TrainingJob"/>.</summary>
internal static class ClassifierTraining
{
    public static TrainingResult Run(DataFrame frame, TrainingContext context, CancellationToken ct)
    {
        var request = context.Request;
        var labels = ClassLabels.Fit(frame[request.Target]);
        var (split, kind) = HoldOut.Split(frame, request, labels.Encode(frame[request.Target]));
        var rawTrain = frame.Take(split.Train);
        var test = frame.Take(split.Test);
        var pipeline = request.Features?.Fit(rawTrain, new FeatureFitContext(request.Target, request.GroupColumn, request.TimeColumn, request.Seed), ct);
        var train = pipeline?.Transform(rawTrain) ?? rawTrain;
        var encoding = new TabularEncoder(context.Encoder).Fit(train);
        var set = new ClassificationSet(encoding.Transform(train), labels.Encode(train[request.Target]), labels.Count, featureNames: encoding.FeatureNames);
        var binary = labels.Count == 2;

        var parameters = request.Parameters.Values;
        TuningSummary? tuning = null;
        if (request.Tuning is { } t)
        {
            var space = context.Entry.Space ?? throw new ArgumentException($"Model '{request.Model}' has no search space to tune.");
            var folds = StratifiedKFold.Split(set.Labels, t.Folds, request.Seed);
            (parameters, tuning) = ParameterSearch.Run(
                space, parameters, t, request.Seed, binary ? "roc_auc" : "f1_macro", maximize: true,
                (p, fold, token) => FoldScore(context, p, set, folds[fold], binary, token),
                context.Time, ct);
        }

        var learner = context.Catalog.Classifier(request.Model, new LearnerParameters(parameters), request.Seed);
        var cv = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var cvFolds = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        double? threshold = null;
        if (request.CvFolds > 0 || (request.TuneThreshold && binary))
        {
            var folds = StratifiedKFold.Split(set.Labels, request.CvFolds > 0 ? request.CvFolds : 5, request.Seed);
            var result = CrossValidation.Classify(learner, set, folds, null, ct);
            if (request.CvFolds > 0)
            {
                cv["accuracy"] = result.Summarize(f => f.Metrics.Accuracy);
                    cvFolds["accuracy"] = [.. result.Folds.Select(f => f.Metrics.Accuracy)];
                cv["f1_macro"] = result.Summarize(f => f.Metrics.MacroF1);
                    cvFolds["f1_macro"] = [.. result.Folds.Select(f => f.Metrics.MacroF1)];
                cv["log_loss"] = result.Summarize(f => f.LogLoss);
                    cvFolds["log_loss"] = [.. result.Folds.Select(f => f.LogLoss)];
                if (binary)
                {
                    cv["f1"] = result.Summarize(f => f.Binary!.F1);
                        cvFolds["f1"] = [.. result.Folds.Select(f => f.Binary!.F1)];
                    cv["roc_auc"] = result.Summarize(f => f.Binary!.RocAuc);
                        cvFolds["roc_auc"] = [.. result.Folds.Select(f => f.Binary!.RocAuc)];
                    cv["pr_auc"] = result.Summarize(f => f.Binary!.PrAuc);
                        cvFolds["pr_auc"] = [.. result.Folds.Select(f => f.Binary!.PrAuc)];
                }
            }

            if (request.TuneThreshold && binary)
            {
                threshold = ThresholdTuning.BestF1(set.Labels, result.PositiveOutOfFold()).Threshold;
            }
        }

        var start = context.Time.GetTimestamp();
        var model = TabularClassifier.Fit(learner, rawTrain, context.Encoder, pipeline, ct);
        var seconds = context.Time.GetElapsedTime(start).TotalSeconds;
        model = model.WithInfo(model.Info with { DecisionThreshold = threshold, Parameters = parameters });
        var metrics = TrainingJob.ClassifierMetrics(model, test);
        return new TrainingResult
        {
            Model = model.WithInfo(model.Info with { Metrics = metrics }),
            Task = ModelTask.Classification,
            SplitKind = kind,
            TrainRows = split.TrainCount,
            TestRows = split.TestCount,
            Test = metrics,
            ExcludedColumns = context.Excluded,
            TrainSeconds = seconds,
            CrossValidation = cv,
            CrossValidationFolds = cvFolds,
            Tuning = tuning,
            DecisionThreshold = threshold,
        };
    }

    private static double FoldScore(TrainingContext context, IReadOnlyDictionary<string, string> parameters, ClassificationSet set, TrainTestIndices fold, bool binary, CancellationToken ct)
    {
        var learner = context.Catalog.Classifier(context.Request.Model, new LearnerParameters(parameters), context.Request.Seed);
        var trainLabels = Rows.Pick(set.Labels, fold.Train);
        var model = learner.Fit(new ClassificationSet(set.Features.Take(fold.Train), trainLabels, set.ClassCount), ct);
        var probabilities = model.PredictProba(set.Features.Take(fold.Test));
        var truth = Rows.Pick(set.Labels, fold.Test);
        if (!binary)
        {
            return MulticlassMetrics.FromProbabilities(truth, probabilities, set.ClassCount).MacroF1;
        }

        var positive = new double[truth.Length];
        for (var i = 0; i < positive.Length; i++)
        {
            positive[i] = probabilities[(i * 2) + 1];
        }

        return ClassificationMetrics.Binary(truth, positive).RocAuc;
    }
}
