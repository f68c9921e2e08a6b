namespace Vigil.ML.Trees;

/// <summary>
/// The threshold scan shared by the regression criteria: one pass over a node's rows sorted by a
/// feature, candidate thresholds at midpoints between distinct values, missing rows tried on both
/// sides, plus the split "present vs missing". Subclasses keep the running statistics and price a
/// partition; costs are weighted impurities W·I summed over both children.
/// </summary>
internal abstract class RegressionSplitSearch
{
    protected RegressionSplitSearch(double[] targets, double[] weights, int minSamplesLeaf)
    {
        Targets = targets;
        Weights = weights;
        MinLeaf = minSamplesLeaf;
    }

    protected double[] Targets { get; }

    protected double[] Weights { get; }

    protected int MinLeaf { get; }

    public static RegressionSplitSearch Create(RegressionCriterion criterion, double[] targets, double[] weights, int minSamplesLeaf, int rowCount) =>
        criterion == RegressionCriterion.AbsoluteError
            ? new AbsoluteErrorSplitSearch(targets, weights, minSamplesLeaf, rowCount)
            : new SquaredErrorSplitSearch(targets, weights, minSamplesLeaf);

    /// <summary>The magnitude of the node's costs; differences below 1e-12 of it count as ties.</summary>
    public abstract double TieScale { get; }

    /// <summary>Prepares for a node's searches and returns the node's weighted impurity.</summary>
    public abstract double PrepareNode(ReadOnlySpan<int> rows);

    /// <summary>The prediction of a leaf holding <paramref name="rows"/>.</summary>
    public abstract double LeafValue(ReadOnlySpan<int> rows);

    /// <summary>Starts a scan: every present row on the right, the missing ones aside.</summary>
    protected abstract void Reset(ReadOnlySpan<int> present, ReadOnlySpan<int> missing);

    /// <summary>Moves one present row from the right to the left.</summary>
    protected abstract void MoveLeft(int row);

    /// <summary>The children's summed weighted impurity with the missing rows on the given side.</summary>
    protected abstract double Cost(bool missingLeft);

    /// <summary>The children's summed weighted impurity of "present" (left) against "missing" (right).</summary>
    protected abstract double CostPresentVersusMissing();

    /// <summary>The best split of the node on <paramref name="feature"/>, or null when none keeps MinSamplesLeaf rows per side.</summary>
    public SplitSearch.Candidate? Search(int feature, ReadOnlySpan<int> rows, ReadOnlySpan<double> column, double totalWeight)
    {
        var n = rows.Length;
        var present = n;
        while (present > 0 && double.IsNaN(column[rows[present - 1]]))
        {
            present--;
        }

        if (present == 0)
        {
            return null;
        }

        Reset(rows[..present], rows[present..]);
        var missingCount = n - present;
        var tolerance = 1e-12 * TieScale;
        var bestCost = double.PositiveInfinity;
        double bestThreshold = 0, bestLeftWeight = 0, leftWeight = 0, missingWeight = 0;
        foreach (var r in rows[present..])
        {
            missingWeight += Weights[r];
        }

        var bestMissingLeft = false;
        for (var i = 0; i < present - 1; i++)
        {
            var r = rows[i];
            MoveLeft(r);
            leftWeight += Weights[r];
            var v = column[r];
            var next = column[rows[i + 1]];
            if (!(next > v))
            {
                continue;
            }

            var leftCount = i + 1;
            if (leftCount >= MinLeaf && n - leftCount >= MinLeaf)
            {
                var cost = Cost(false);
                if (cost < bestCost - tolerance)
                {
                    (bestCost, bestThreshold, bestMissingLeft, bestLeftWeight) = (cost, Midpoint(v, next), false, leftWeight);
                }
            }

            if (missingCount > 0 && leftCount + missingCount >= MinLeaf && present - leftCount >= MinLeaf)
            {
                var cost = Cost(true);
                if (cost < bestCost - tolerance)
                {
                    (bestCost, bestThreshold, bestMissingLeft, bestLeftWeight) = (cost, Midpoint(v, next), true, leftWeight + missingWeight);
                }
            }
        }

        if (missingCount > 0 && present >= MinLeaf && missingCount >= MinLeaf)
        {
            var cost = CostPresentVersusMissing();
            if (cost < bestCost - tolerance)
            {
                (bestCost, bestThreshold, bestMissingLeft, bestLeftWeight) = (cost, double.PositiveInfinity, false, totalWeight - missingWeight);
            }
        }

        if (double.IsPositiveInfinity(bestCost))
        {
            return null;
        }

        if (missingCount == 0)
        {
            bestMissingLeft = bestLeftWeight >= totalWeight - bestLeftWeight;
        }

        return new SplitSearch.Candidate(feature, bestThreshold, bestMissingLeft, bestCost);
    }

    private static double Midpoint(double low, double high)
    {
        var t = (low / 2) + (high / 2);
        return t >= high || double.IsInfinity(t) ? low : t;
    }
}
