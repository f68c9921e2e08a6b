namespace Vigil.Data.Validation.Leakage;

/// <summary>Rank-based statistics with tied values given their average rank.</summary>
internal static class RankStatistics
{
    /// <summary>1-based ranks of <paramref name="values"/>; tied values share the mean of the ranks they span.</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        var keys = values.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        var start = 0;
        while (start < keys.Length)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>
    /// The area under the ROC curve of <paramref name="scores"/> for <paramref name="positive"/> rows, via the
    /// Mann–Whitney U statistic: AUC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋), with ties counted as one half
    /// (Hanley, J. A. &amp; McNeil, B. J. (1982), "The meaning and use of the area under a ROC curve", Radiology 143).
    /// </summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var ranks = AverageRanks(scores);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (positive[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        var negatives = ranks.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>
    /// Spearman's rank correlation ρ: the Pearson correlation of average ranks (Spearman, C. (1904), "The proof and
    /// measurement of association between two things"); NaN when either side is constant.
    /// </summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var rx = AverageRanks(x);
        var ry = AverageRanks(y);
        var n = rx.Length;
        var mean = (n + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = rx[i] - mean;
            var dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
