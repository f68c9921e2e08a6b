using Vigil.Data.Splits;
using Vigil.ML;
using Vigil.ML.Boosting;
using Vigil.ML.Evaluation;
using Vigil.ML.Validation;

namespace Vigil.Features.Synthesis;

/// <summary>
/// Scores a feature set by k-fold cross-validation of a small histogram GBDT on the TRAINING rows it was built from
/// (stratified folds for classification, seeded): base columns plus the extra columns under test. Every number it
/// returns is an out-of-fold score; it never sees rows other than the ones it was given.
/// </summary>
internal sealed class OutOfFoldScorer
{
    private readonly IReadOnlyList<double[]> _base;
    private readonly SupervisedTarget _target;
    private readonly TrainTestIndices[] _folds;
    private readonly SynthesisMetric _metric;
    private readonly HistGradientBoostingClassifierOptions _classifier;
    private readonly HistGradientBoostingRegressorOptions _regressor;
    private readonly int _parallelism;

    public OutOfFoldScorer(IReadOnlyList<double[]> baseColumns, SupervisedTarget target, int folds, SynthesisMetric metric, int rounds, int maxDepth, double learningRate, int seed, int parallelism)
    {
        _base = baseColumns;
        _target = target;
        _folds = target.IsClassification
            ? StratifiedKFold.Split(target.Labels, folds, seed)
            : KFold.Split(target.RowCount, folds, shuffle: true, seed: seed);
        _metric = Resolve(metric, target);
        _classifier = new() { Rounds = rounds, MaxDepth = maxDepth, LearningRate = learningRate, Seed = seed, MaxDegreeOfParallelism = 1 };
        _regressor = new() { Rounds = rounds, MaxDepth = maxDepth, LearningRate = learningRate, Seed = seed, MaxDegreeOfParallelism = 1 };
        _parallelism = parallelism;
    }

    /// <summary>The metric in use after resolving <see cref="SynthesisMetric.Auto"/>.</summary>
    public SynthesisMetric Metric => _metric;

    /// <summary>How many cross-validations ran (each is <c>folds</c> model fits).</summary>
    public int Evaluations { get; private set; }

    /// <summary>The rows the folds cover: every training row, exactly once as a held-out row.</summary>
    public IReadOnlyList<TrainTestIndices> Folds => _folds;

    public static SynthesisMetric Resolve(SynthesisMetric metric, SupervisedTarget target)
    {
        var resolved = metric != SynthesisMetric.Auto ? metric
            : !target.IsClassification ? SynthesisMetric.R2
            : target.ClassCount == 2 ? SynthesisMetric.AveragePrecision
            : SynthesisMetric.NegativeLogLoss;
        var ok = resolved switch
        {
            SynthesisMetric.AveragePrecision or SynthesisMetric.RocAuc => target.IsClassification && target.ClassCount == 2,
            SynthesisMetric.NegativeLogLoss => target.IsClassification,
            _ => !target.IsClassification,
        };
        return ok ? resolved : throw new ArgumentException($"Metric {resolved} does not fit a {(target.IsClassification ? $"{target.ClassCount}-class" : "regression")} target '{target.Name}'.");
    }

    /// <summary>The out-of-fold score (higher is better) of the base columns plus <paramref name="extra"/>.</summary>
    public double Score(IReadOnlyList<double[]> extra, CancellationToken cancellationToken = default) => ScoreWithResiduals(extra, cancellationToken).Score;

    /// <summary>The out-of-fold score and the out-of-fold residuals (rows × outputs, row-major) with their output count.</summary>
    public (double Score, double[] Residuals, int Outputs) ScoreWithResiduals(IReadOnlyList<double[]> extra, CancellationToken cancellationToken = default)
    {
        Evaluations++;
        var columns = _base.Concat(extra).ToArray();
        var rows = _target.RowCount;
        var values = new double[rows * columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var column = columns[c];
            for (var r = 0; r < rows; r++)
            {
                values[(r * columns.Length) + c] = column[r];
            }
        }

        var matrix = new FeatureMatrix(rows, columns.Length, values);
        var cv = new CrossValidationOptions { MaxDegreeOfParallelism = _parallelism };
        if (!_target.IsClassification)
        {
            var regression = CrossValidation.Regress(new HistGradientBoostingRegressorLearner(_regressor), new RegressionSet(matrix, _target.Values!), _folds, cv, cancellationToken);
            var predicted = regression.OutOfFoldPredictions;
            var residuals = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                residuals[r] = _target.Values![r] - predicted[r];
            }

            return (RegressionMetrics.Compute(_target.Values!, predicted).R2, residuals, 1);
        }

        var set = new ClassificationSet(matrix, _target.Labels!, _target.ClassCount);
        var result = CrossValidation.Classify(new HistGradientBoostingClassifierLearner(_classifier), set, _folds, cv, cancellationToken);
        var k = _target.ClassCount;
        var gaps = new double[rows * k];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < k; c++)
            {
                gaps[(r * k) + c] = (_target.Labels![r] == c ? 1 : 0) - result.OutOfFoldProbabilities[(r * k) + c];
            }
        }

        var score = _metric switch
        {
            SynthesisMetric.AveragePrecision => RankingMetrics.AveragePrecision(_target.Labels, result.PositiveOutOfFold()),
            SynthesisMetric.RocAuc => RankingMetrics.RocAuc(_target.Labels, result.PositiveOutOfFold()),
            _ => -ProbabilityMetrics.LogLoss(_target.Labels, result.OutOfFoldProbabilities, _target.ClassCount),
        };
        return (score, gaps, k);
    }
}
