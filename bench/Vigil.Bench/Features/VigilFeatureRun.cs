using System.Diagnostics;
using Vigil.Data.Frames;
using Vigil.Data.Splits;
using Vigil.Features;
using Vigil.Features.Pipeline;
using Vigil.Features.Synthesis;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Validation;

namespace Vigil.Bench.Features;

/// <summary>One model's test metrics at 0.5 and at the threshold tuned on training OOF predictions, with its OOF score.</summary>
internal sealed record ModelRun(string Model, ClassificationMetrics AtHalf, ClassificationMetrics AtTuned, double Threshold, double OofPrAuc, double OofF1, double TrainSeconds);

/// <summary>Vigil's side of one seed: synthesize on the training rows only, then each model with an OOF-tuned threshold.</summary>
internal static class VigilFeatureRun
{
    public static (FittedFeatureSynthesis Synthesis, double SynthesisSeconds, List<ModelRun> Runs) Run(
        DataFrame train, DataFrame test, string target, int seed, int threads, IReadOnlyList<(string Name, IClassifierLearner Learner)> learners, bool synthesize = true)
    {
        var context = new FeatureFitContext(Target: target, Seed: seed);
        var clock = Stopwatch.StartNew();
        var synthesis = synthesize
            ? new FeatureSynthesis(new FeatureSynthesisOptions { MaxDegreeOfParallelism = threads, ScreenTop = int.Parse(Environment.GetEnvironmentVariable("SCREEN_TOP") ?? "12", System.Globalization.CultureInfo.InvariantCulture) }).Fit(train, context)
            : new FittedFeatureSynthesis([], []);
        var synthesisSeconds = clock.Elapsed.TotalSeconds;
        var pipeline = new FittedFeaturePipeline(train.Schema, [synthesis]);
        var options = new TabularEncoderOptions { Target = target };
        var trainX = pipeline.Transform(train);
        var encoding = new TabularEncoder(options).Fit(trainX);
        var labels = ClassLabels.Fit(train[target]);
        var set = new ClassificationSet(encoding.Transform(trainX), labels.Encode(train[target]), labels.Count, featureNames: encoding.FeatureNames);
        var folds = StratifiedKFold.Split(set.Labels, 5, seed);
        var testY = labels.Encode(test[target]);
        var runs = new List<ModelRun>();
        foreach (var (name, learner) in learners)
        {
            var fitClock = Stopwatch.StartNew();
            var model = TabularClassifier.Fit(learner, train, options, pipeline);
            var trainSeconds = synthesisSeconds + fitClock.Elapsed.TotalSeconds;
            var oof = CrossValidation.Classify(learner, set, folds, new CrossValidationOptions { MaxDegreeOfParallelism = 1 }).PositiveOutOfFold();
            var choice = ThresholdTuning.BestF1(set.Labels, oof);
            var p = model.PredictPositive(test);
            runs.Add(new ModelRun(name, ClassificationMetrics.Binary(testY, p), ClassificationMetrics.Binary(testY, p, choice.Threshold), choice.Threshold,
                RankingMetrics.AveragePrecision(set.Labels, oof), choice.F1, trainSeconds));
        }

        return (synthesis, synthesisSeconds, runs);
    }
}
