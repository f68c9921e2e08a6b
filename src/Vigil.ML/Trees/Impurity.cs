namespace Vigil.ML.Trees;

/// <summary>Weighted node impurities: W·I(c/W) for class weight sums c with total W (Breiman et al. 1984, §4.3).</summary>
internal static class Impurity
{
    /// <summary>The impurity of a node with class weight sums <paramref name="counts"/>.</summary>
    public static double Of(SplitCriterion criterion, ReadOnlySpan<double> counts)
    {
        var total = 0.0;
        foreach (var c in counts)
        {
            total += c;
        }

        return total <= 0 ? 0 : Weighted(criterion, counts, total) / total;
    }

    /// <summary>W times the impurity; summing it over children gives the quantity a split minimizes.</summary>
    public static double Weighted(SplitCriterion criterion, ReadOnlySpan<double> counts, double total)
    {
        if (total <= 0)
        {
            return 0;
        }

        if (criterion == SplitCriterion.Gini)
        {
            var sumSquares = 0.0;
            foreach (var c in counts)
            {
                sumSquares += c * c;
            }

            return total - (sumSquares / total);
        }

        var sum = 0.0;
        foreach (var c in counts)
        {
            if (c > 0)
            {
                sum += c * Math.Log2(c);
            }
        }

        return (total * Math.Log2(total)) - sum;
    }
}
