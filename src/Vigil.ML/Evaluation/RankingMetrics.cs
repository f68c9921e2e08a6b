namespace Vigil.ML.Evaluation;

/// <summary>Threshold-free metrics of binary scores (labels 0/1, higher score = more likely class 1).</summary>
public static class RankingMetrics
{
    /// <summary>
    /// ROC-AUC by the Mann–Whitney U statistic (Hanley and McNeil 1982): the probability that a random
    /// positive scores above a random negative, ties counting one half (average ranks). NaN when one class is absent.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var order = SortedOrder(labels, scores, descending: false);
        long positives = 0;
        var rankSum = 0.0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                j++;
            }

            var averageRank = ((i + 1) + j) / 2.0;  // ranks i+1 .. j
            for (var t = i; t < j; t++)
            {
                if (labels[order[t]] == 1)
                {
                    positives++;
                    rankSum += averageRank;
                }
            }

            i = j;
        }

        long negatives = order.Length - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision as scikit-learn defines it: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score thresholds
    /// in decreasing order, rows with tied scores entering together. NaN when there is no positive row.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var order = SortedOrder(labels, scores, descending: true);
        long totalPositives = 0;
        foreach (var y in labels)
        {
            totalPositives += y == 1 ? 1 : 0;
        }

        if (totalPositives == 0)
        {
            return double.NaN;
        }

        long tp = 0, fp = 0;
        double ap = 0, previousRecall = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                if (labels[order[j]] == 1)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                j++;
            }

            var recall = (double)tp / totalPositives;
            ap += (recall - previousRecall) * tp / (tp + fp);
            previousRecall = recall;
            i = j;
        }

        return ap;
    }

    private static int[] SortedOrder(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, bool descending)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"There are {labels.Length} labels and {scores.Length} scores.", nameof(scores));
        }

        var keys = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]) || labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i} has label {labels[i]} and score {scores[i]}; labels must be 0/1 and scores not NaN.", nameof(scores));
            }

            keys[i] = descending ? -scores[i] : scores[i];
        }

        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(keys, order);
        return order;
    }
}
