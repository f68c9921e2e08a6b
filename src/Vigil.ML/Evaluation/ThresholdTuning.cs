namespace Vigil.ML.Evaluation;

/// <summary>
/// Chooses a binary decision threshold from scores. Use it ONLY on out-of-fold predictions of the training
/// set (e.g. <c>CrossValidation.Classify(...).PositiveOutOfFold()</c>), then apply the threshold to the test
/// set once: tuning on test predictions makes the reported F1 optimistic (the "oracle" threshold).
/// </summary>
public static class ThresholdTuning
{
    /// <summary>
    /// The threshold that maximizes the positive-class F1 over the precision–recall curve, exactly as the AI4I
    /// anchor's <c>best_f1_threshold</c> does with scikit-learn 1.2's <c>precision_recall_curve</c>: one candidate per
    /// distinct score (rows with tied scores enter together), F1 = 2PR / max(P + R, 1e−12) (0 when P + R = 0), the
    /// curve's final (recall 0, precision 1) point excluded, and among equal F1 the lowest threshold wins.
    /// Without positive rows recall counts as 1 and every F1 is 0, so the lowest score is returned.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, lengths differ, a label is not 0/1 or a score is NaN.</exception>
    public static ThresholdChoice BestF1(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length || labels.IsEmpty)
        {
            throw new ArgumentException($"Need equal, non-zero numbers of labels and scores, not {labels.Length} and {scores.Length}.", nameof(scores));
        }

        var keys = new double[scores.Length];
        long positives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]) || labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i} has label {labels[i]} and score {scores[i]}; labels must be 0/1 and scores not NaN.", nameof(scores));
            }

            keys[i] = -scores[i];
            positives += labels[i];
        }

        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(keys, order);

        ThresholdChoice? best = null;
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length;)
        {
            var score = scores[order[i]];
            for (; i < order.Length && scores[order[i]] == score; i++)
            {
                if (labels[order[i]] == 1)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            var precision = (double)tp / (tp + fp);
            var recall = positives == 0 ? 1.0 : (double)tp / positives;
            var f1 = precision + recall > 0 ? 2 * precision * recall / Math.Max(precision + recall, 1e-12) : 0.0;

            // Thresholds come in decreasing order; ">=" keeps the lowest threshold among equal F1 (NumPy's first argmax on the ascending curve).
            if (best is null || f1 >= best.F1)
            {
                best = new ThresholdChoice(score, f1, precision, recall);
            }
        }

        return best!;
    }
}
