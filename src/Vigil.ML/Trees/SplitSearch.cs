namespace Vigil.ML.Trees;

/// <summary>Finds the best threshold of one feature within one node by a single pass over its sorted rows.</summary>
internal sealed class SplitSearch
{
    private readonly SplitCriterion _criterion;
    private readonly int _minLeaf;
    private readonly double[] _left;
    private readonly double[] _missing;
    private readonly double[] _none;
    private readonly double[] _childLeft;
    private readonly double[] _childRight;

    public SplitSearch(int classCount, SplitCriterion criterion, int minSamplesLeaf)
    {
        _criterion = criterion;
        _minLeaf = minSamplesLeaf;
        _left = new double[classCount];
        _missing = new double[classCount];
        _none = new double[classCount];
        _childLeft = new double[classCount];
        _childRight = new double[classCount];
    }

    /// <summary>A chosen split and the summed weighted impurity of its two children.</summary>
    internal readonly record struct Candidate(int Feature, double Threshold, bool MissingLeft, double ChildrenCost);

    /// <summary>The best split on <paramref name="feature"/>, or null when no split keeps MinSamplesLeaf rows on each side.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="rows">The node's rows sorted by the feature's value, NaN rows last.</param>
    /// <param name="column">The feature's value for every original row.</param>
    /// <param name="labels">The class of every original row.</param>
    /// <param name="weights">The weight of every original row.</param>
    /// <param name="total">The node's class weight sums.</param>
    /// <param name="totalWeight">The node's total weight.</param>
    public Candidate? Search(
        int feature, ReadOnlySpan<int> rows, ReadOnlySpan<double> column, int[] labels, double[] weights, ReadOnlySpan<double> total, double totalWeight)
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

        Array.Clear(_left);
        Array.Clear(_missing);
        var missingWeight = 0.0;
        for (var i = present; i < n; i++)
        {
            _missing[labels[rows[i]]] += weights[rows[i]];
            missingWeight += weights[rows[i]];
        }

        var missingCount = n - present;
        var tolerance = 1e-12 * totalWeight;
        var bestCost = double.PositiveInfinity;
        double bestThreshold = 0, bestLeftWeight = 0;
        var bestMissingLeft = false;
        var leftWeight = 0.0;
        for (var i = 0; i < present - 1; i++)
        {
            var r = rows[i];
            _left[labels[r]] += weights[r];
            leftWeight += weights[r];
            var v = column[r];
            var next = column[rows[i + 1]];
            if (!(next > v))
            {
                continue;
            }

            var leftCount = i + 1;
            if (leftCount >= _minLeaf && n - leftCount >= _minLeaf)
            {
                var cost = ChildrenCost(total, totalWeight, _left, leftWeight, _none, 0);
                if (cost < bestCost - tolerance)
                {
                    (bestCost, bestThreshold, bestMissingLeft, bestLeftWeight) = (cost, Midpoint(v, next), false, leftWeight);
                }
            }

            if (missingCount > 0 && leftCount + missingCount >= _minLeaf && present - leftCount >= _minLeaf)
            {
                var cost = ChildrenCost(total, totalWeight, _left, leftWeight, _missing, missingWeight);
                if (cost < bestCost - tolerance)
                {
                    (bestCost, bestThreshold, bestMissingLeft, bestLeftWeight) = (cost, Midpoint(v, next), true, leftWeight + missingWeight);
                }
            }
        }

        // The split "value present" (left) against "value missing" (right).
        if (missingCount > 0 && present >= _minLeaf && missingCount >= _minLeaf)
        {
            var cost = ChildrenCost(total, totalWeight, _missing, missingWeight, _none, 0);
            if (cost < bestCost - tolerance)
            {
                (bestCost, bestThreshold, bestMissingLeft, bestLeftWeight) = (cost, double.PositiveInfinity, false, totalWeight - missingWeight);
            }
        }

        if (double.IsPositiveInfinity(bestCost))
        {
            return null;
        }

        // No missing rows reached this node: at prediction time missing values follow the heavier child.
        if (missingCount == 0)
        {
            bestMissingLeft = bestLeftWeight >= totalWeight - bestLeftWeight;
        }

        return new Candidate(feature, bestThreshold, bestMissingLeft, bestCost);
    }

    private static double Midpoint(double low, double high)
    {
        var t = (low / 2) + (high / 2);
        return t >= high || double.IsInfinity(t) ? low : t;
    }

    private double ChildrenCost(
        ReadOnlySpan<double> total, double totalWeight, ReadOnlySpan<double> left, double leftWeight, ReadOnlySpan<double> extra, double extraWeight)
    {
        for (var k = 0; k < total.Length; k++)
        {
            _childLeft[k] = left[k] + extra[k];
            _childRight[k] = Math.Max(0, total[k] - _childLeft[k]);
        }

        var wl = leftWeight + extraWeight;
        return Impurity.Weighted(_criterion, _childLeft, wl) + Impurity.Weighted(_criterion, _childRight, totalWeight - wl);
    }
}
