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
        DataFrame train, DataFrame test, string target, int seed, int threads, IReadOnlyList<(string Name, IClassifierLearner Learner)> learners, IReadOnlyList<int> blend, bool synthesize = true)
    {
        var context = new FeatureFitContext(Target: target, Seed: seed);
        var clock = Stopwatch.StartNew();
        var synthesis = synthesize
            ? new FeatureSynthesis(new FeatureSynthesisOptions { MaxDegreeOfParallelism = threads }).Fit(train, context)
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
        var scores = new List<(double[] Oof, double[] Test, double Seconds)>();
        foreach (var (name, learner) in learners)
        {
            var fitClock = Stopwatch.StartNew();
            var model = TabularClassifier.Fit(learner, train, options, pipeline);
            var trainSeconds = synthesisSeconds + fitClock.Elapsed.TotalSeconds;
            var oof = CrossValidation.Classify(learner, set, folds, new CrossValidationOptions { MaxDegreeOfParallelism = 1 }).PositiveOutOfFold();
            var p = model.PredictPositive(test);
            scores.Add((oof, p, trainSeconds - synthesisSeconds));
            runs.Add(Evaluate(name, set.Labels, oof, testY, p, trainSeconds));
        }

        if (blend.Count > 1)
        {
            // Mean of the chosen models' probabilities (OOF and test alike); its threshold is tuned on the blended OOF scores.
            var oof = Mean([.. blend.Select(i => scores[i].Oof)]);
            var p = Mean([.. blend.Select(i => scores[i].Test)]);
            runs.Add(Evaluate("mean of " + string.Join(" + ", blend.Select(i => learners[i].Name.Split(' ')[0])), set.Labels, oof, testY, p, synthesisSeconds + blend.Sum(i => scores[i].Seconds)));
        }

        return (synthesis, synthesisSeconds, runs);
    }

    private static ModelRun Evaluate(string name, ReadOnlySpan<int> trainY, double[] oof, int[] testY, double[] p, double trainSeconds)
    {
        var choice = ThresholdTuning.BestF1(trainY, oof);
        return new ModelRun(name, ClassificationMetrics.Binary(testY, p), ClassificationMetrics.Binary(testY, p, choice.Threshold), choice.Threshold,
            RankingMetrics.AveragePrecision(trainY, oof), choice.F1, trainSeconds);
    }

    private static double[] Mean(double[][] parts)
    {
        var result = new double[parts[0].Length];
        foreach (var part in parts)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] += part[i] / parts.Length;
            }
        }

        return result;
    }
}
