using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.Features;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Validation;

namespace Vigil.Pipelines.Training;

/// <summary>The regression path of <see cref="TrainingJob"/>.</summary>
internal static class RegressorTraining
{
    public static TrainingResult Run(DataFrame frame, TrainingContext context, CancellationToken ct)
    {
        var request = context.Request;
        var (split, kind) = HoldOut.Split(frame, request, labels: null);
        var rawTrain = frame.Take(split.Train);
        var test = frame.Take(split.Test);
        var pipeline = request.Features?.Fit(rawTrain, new FeatureFitContext(request.Target, request.GroupColumn, request.TimeColumn, request.Seed), ct);
        var train = pipeline?.Transform(rawTrain) ?? rawTrain;
        var encoding = new TabularEncoder(context.Encoder).Fit(train);
        var set = new RegressionSet(encoding.Transform(train), TabularRegressor.Targets(train, request.Target), featureNames: encoding.FeatureNames);

        var parameters = request.Parameters.Values;
        TuningSummary? tuning = null;
        if (request.Tuning is { } t)
        {
            var space = context.Entry.Space ?? throw new ArgumentException($"Model '{request.Model}' has no search space to tune.");
            var folds = KFold.Split(set.RowCount, t.Folds, shuffle: true, seed: request.Seed);
            (parameters, tuning) = ParameterSearch.Run(
                space, parameters, t, request.Seed, "rmse", maximize: false,
                (p, fold, token) => FoldRmse(context, p, set, folds[fold], token),
                context.Time, ct);
        }

        var learner = context.Catalog.Regressor(request.Model, new LearnerParameters(parameters), request.Seed);
        var cv = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var cvFolds = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        if (request.CvFolds > 0)
        {
            var result = CrossValidation.Regress(learner, set, KFold.Split(set.RowCount, request.CvFolds, shuffle: true, seed: request.Seed), null, ct);
            cv["rmse"] = result.Summarize(f => f.Metrics.Rmse);
            cvFolds["rmse"] = [.. result.Folds.Select(f => f.Metrics.Rmse)];
            cv["mae"] = result.Summarize(f => f.Metrics.Mae);
            cvFolds["mae"] = [.. result.Folds.Select(f => f.Metrics.Mae)];
            cv["r2"] = result.Summarize(f => f.Metrics.R2);
            cvFolds["r2"] = [.. result.Folds.Select(f => f.Metrics.R2)];
        }

        var start = context.Time.GetTimestamp();
        var model = TabularRegressor.Fit(learner, rawTrain, context.Encoder, pipeline, ct);
        var seconds = context.Time.GetElapsedTime(start).TotalSeconds;
        var metrics = model.Evaluate(test).ToDictionary();
        return new TrainingResult
        {
            Model = model.WithInfo(model.Info with { Metrics = metrics, Parameters = parameters }),
            Task = ModelTask.Regression,
            SplitKind = kind,
            TrainRows = split.TrainCount,
            TestRows = split.TestCount,
            Test = metrics,
            ExcludedColumns = context.Excluded,
            TrainSeconds = seconds,
            CrossValidation = cv,
            CrossValidationFolds = cvFolds,
            Tuning = tuning,
        };
    }

    private static double FoldRmse(TrainingContext context, IReadOnlyDictionary<string, string> parameters, RegressionSet set, TrainTestIndices fold, CancellationToken ct)
    {
        var learner = context.Catalog.Regressor(context.Request.Model, new LearnerParameters(parameters), context.Request.Seed);
        var model = learner.Fit(new RegressionSet(set.Features.Take(fold.Train), Rows.Pick(set.Targets, fold.Train)), ct);
        var test = set.Features.Take(fold.Test);
        var predictions = new double[test.RowCount];
        model.Predict(test, predictions);
        return RegressionMetrics.Compute(Rows.Pick(set.Targets, fold.Test), predictions).Rmse;
    }
}
