using Vigil.Data.Frames;
using Vigil.ML;

namespace Vigil.Serving.Scoring;

/// <summary>
/// Scores a tabular model (classifier or regressor) on a raw frame: its feature pipeline, its encoding, then the core
/// model in chunks of <see cref="BatchRows"/> rows. Shared by <c>vigil predict</c> and the served models, so both give the
/// same predictions. Binary classifiers label a row positive when its probability reaches the model's decision
/// threshold; others take the most probable class (lowest index on ties).
/// </summary>
public static class TabularScoring
{
    /// <summary>The rows scored per core-model call (and per progress report).</summary>
    public const int BatchRows = 16_384;

    /// <summary>The frame with a <c>prediction</c> column and, for classifiers, one <c>probability_&lt;class&gt;</c> column per class.</summary>
    public static DataFrame Score(ITabularModel model, DataFrame frame, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        var raw = Run(model, frame, progress, cancellationToken);
        if (model is TabularClassifier c)
        {
            var n = raw.Rows;
            var k = c.ClassCount;
            var result = frame.WithColumn(new StringColumn("prediction", [.. raw.Labels!]));
            for (var j = 0; j < k; j++)
            {
                var column = new double[n];
                for (var i = 0; i < n; i++)
                {
                    column[i] = raw.Probabilities![(i * k) + j];
                }

                result = result.WithColumn(new Float64Column($"probability_{c.Labels.Decode(j)}", column));
            }

            return result;
        }

        return frame.WithColumn(new Float64Column("prediction", raw.Values!));
    }

    /// <summary>The predictions of every row as a <see cref="ScoreResult"/>: labels and probabilities for classifiers, values for regressors.</summary>
    public static ScoreResult Predict(ITabularModel model, DataFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        return Run(model, frame, null, cancellationToken);
    }

    private static ScoreResult Run(ITabularModel model, DataFrame frame, IProgress<double>? progress, CancellationToken ct)
    {
        switch (model)
        {
            case TabularClassifier c:
                {
                    var features = c.Encode(frame);
                    var n = features.RowCount;
                    var k = c.ClassCount;
                    var proba = new double[n * k];
                    for (var start = 0; start < n; start += BatchRows)
                    {
                        ct.ThrowIfCancellationRequested();
                        var count = Math.Min(BatchRows, n - start);
                        c.Model.PredictProba(features.Slice(start, count), proba.AsSpan(start * k, count * k));
                        progress?.Report((start + count) / (double)n);
                    }

                    var labels = new string[n];
                    for (var i = 0; i < n; i++)
                    {
                        var best = 0;
                        for (var j = 1; j < k; j++)
                        {
                            best = proba[(i * k) + j] > proba[(i * k) + best] ? j : best;
                        }

                        if (k == 2)
                        {
                            best = proba[(i * 2) + 1] >= c.DecisionThreshold ? 1 : 0;
                        }

                        labels[i] = c.Labels.Decode(best);
                    }

                    return new ScoreResult(n, labels, null, proba, c.Labels.Labels);
                }

            case TabularRegressor r:
                {
                    var features = r.Encode(frame);
                    var n = features.RowCount;
                    var predictions = new double[n];
                    for (var start = 0; start < n; start += BatchRows)
                    {
                        ct.ThrowIfCancellationRequested();
                        var count = Math.Min(BatchRows, n - start);
                        r.Model.Predict(features.Slice(start, count), predictions.AsSpan(start, count));
                        progress?.Report((start + count) / (double)n);
                    }

                    return new ScoreResult(n, null, predictions, null, null);
                }

            default:
                throw new NotSupportedException($"Scoring {model.GetType().Name} is not supported; expected a TabularClassifier or TabularRegressor.");
        }
    }
}
