using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation.Leakage;

/// <summary>
/// Rule A: statistics of one column against the target that an honest feature essentially never reaches.
/// Categorical, boolean and text columns, and numeric columns with at most <see cref="LeakageOptions.MaxCategories"/>
/// distinct values, are tested as categories (near-copy, then value-implies-target); other numeric columns by rank AUC
/// against a binary target or Spearman's ρ against a numeric target. Timestamps are not tested.
/// </summary>
internal static class SingleColumnRules
{
    /// <summary>The strongest Rule-A suspicion against <paramref name="column"/>, or null.</summary>
    public static LeakageSuspect? Evaluate(EncodedColumn column, TargetInfo target, LeakageOptions options)
    {
        var kind = column.Source.Kind;
        if (kind == ColumnKind.Timestamp || column.DistinctCount < 2)
        {
            return null;
        }

        if (!target.IsClassification)
        {
            return kind == ColumnKind.Float64 ? RankCorrelation((Float64Column)column.Source, target, options) : null;
        }

        if (kind != ColumnKind.Float64 || column.DistinctCount <= options.MaxCategories)
        {
            var table = new CrossTab(column, target.Encoded);
            return NearCopy(column, table, target, options) ?? ValueImpliesTarget(column, table, target, options);
        }

        return target.IsBinary ? RankAuc((Float64Column)column.Source, target, options) : null;
    }

    /// <summary>
    /// A low-cardinality column whose best value-to-class mapping (each value to its most frequent class) agrees with
    /// the target with balanced accuracy (mean per-class recall) of at least <see cref="LeakageOptions.MinCopyAgreement"/>.
    /// Balanced rather than plain accuracy so that a rare target cannot be "copied" by predicting the majority; values
    /// must average <see cref="LeakageOptions.MinSupport"/> rows so that a per-row mapping cannot overfit.
    /// </summary>
    private static LeakageSuspect? NearCopy(EncodedColumn column, CrossTab table, TargetInfo target, LeakageOptions options)
    {
        if (column.DistinctCount > options.MaxCategories || table.Total < options.MinSupport * column.DistinctCount)
        {
            return null;
        }

        var correct = new int[table.Classes];
        for (var x = 0; x < table.Values; x++)
        {
            var v = table.ArgMax(x);
            correct[v] += table[x, v];
        }

        double recall = 0;
        var classes = 0;
        for (var v = 0; v < table.Classes; v++)
        {
            if (table.ClassTotals[v] > 0)
            {
                recall += (double)correct[v] / table.ClassTotals[v];
                classes++;
            }
        }

        var balanced = classes < 2 ? 0 : recall / classes;
        return balanced < options.MinCopyAgreement
            ? null
            : new LeakageSuspect(column.Source.Name, balanced, LeakageRule.NearCopy, Text(
                $"mapping its {column.DistinctCount} values to classes reproduces '{target.Name}' with balanced agreement {NumberText.Percent(balanced)} over {table.Total} rows"));
    }

    /// <summary>
    /// A value x with support ≥ <see cref="LeakageOptions.MinSupport"/> such that P(target = v | column = x) ≥
    /// <see cref="LeakageOptions.MinPrecision"/> and that precision is ≥ <see cref="LeakageOptions.MinLift"/> times the
    /// base rate P(target = v): a pure association rule (Agrawal, Imieliński &amp; Swami (1993), "Mining association rules
    /// between sets of items in large databases", with confidence and lift as in Brin et al. (1997)). The lift condition
    /// keeps the majority class from qualifying; the support condition keeps chance purity of tiny groups out.
    /// </summary>
    private static LeakageSuspect? ValueImpliesTarget(EncodedColumn column, CrossTab table, TargetInfo target, LeakageOptions options)
    {
        int bestValue = -1, bestClass = -1;
        double bestPrecision = 0;
        for (var x = 0; x < table.Values; x++)
        {
            var support = table.RowTotals[x];
            if (support < options.MinSupport)
            {
                continue;
            }

            var v = table.ArgMax(x);
            var precision = (double)table[x, v] / support;
            var lift = precision / ((double)table.ClassTotals[v] / table.Total);
            var better = precision > bestPrecision || (precision == bestPrecision && bestValue >= 0 && support > table.RowTotals[bestValue]);
            if (precision >= options.MinPrecision && lift >= options.MinLift && better)
            {
                (bestValue, bestClass, bestPrecision) = (x, v, precision);
            }
        }

        if (bestValue < 0)
        {
            return null;
        }

        var rows = table.RowTotals[bestValue];
        var baseRate = (double)table.ClassTotals[bestClass] / table.Total;
        return new LeakageSuspect(column.Source.Name, bestPrecision, LeakageRule.ValueImpliesTarget, Text(
            $"{column.Source.Name} = {column.Labels[bestValue]} in {rows} rows and '{target.Name}' = {target.Encoded.Labels[bestClass]} in {table[bestValue, bestClass]} of them ({NumberText.Percent(bestPrecision, 1)}), {bestPrecision / baseRate:F1}x the base rate of {NumberText.Percent(baseRate)}"));
    }

    /// <summary>max(AUC, 1 − AUC) ≥ <see cref="LeakageOptions.MinAuc"/>: the column alone ranks the classes almost perfectly.</summary>
    private static LeakageSuspect? RankAuc(Float64Column column, TargetInfo target, LeakageOptions options)
    {
        var (scores, labels) = Pairs(column, target.Encoded.Codes, code => code == target.PositiveClass);
        var auc = RankStatistics.Auc(scores, labels);
        var strength = Math.Max(auc, 1 - auc);
        return double.IsNaN(auc) || strength < options.MinAuc
            ? null
            : new LeakageSuspect(column.Name, strength, LeakageRule.RankAuc, Text(
                $"rank AUC {auc:F4} for '{target.Name}' = {target.PositiveLabel} over {scores.Length} rows ({(auc >= 0.5 ? "higher" : "lower")} values mean {target.PositiveLabel})"));
    }

    /// <summary>|Spearman ρ| ≥ <see cref="LeakageOptions.MinSpearman"/> against a numeric target: the column is a monotone copy of it.</summary>
    private static LeakageSuspect? RankCorrelation(Float64Column column, TargetInfo target, LeakageOptions options)
    {
        var y = target.Numeric!;
        var xs = new List<double>(column.Length);
        var ys = new List<double>(column.Length);
        for (var i = 0; i < column.Length; i++)
        {
            if (!double.IsNaN(column[i]) && !double.IsNaN(y[i]))
            {
                xs.Add(column[i]);
                ys.Add(y[i]);
            }
        }

        var rho = xs.Count < 3 ? double.NaN : RankStatistics.Spearman(xs.ToArray(), ys.ToArray());
        return double.IsNaN(rho) || Math.Abs(rho) < options.MinSpearman
            ? null
            : new LeakageSuspect(column.Name, Math.Abs(rho), LeakageRule.RankCorrelation, Text(
                $"Spearman rho {rho:F4} with '{target.Name}' over {xs.Count} rows"));
    }

    private static (double[] Scores, bool[] Labels) Pairs(Float64Column column, int[] classes, Func<int, bool> isPositive)
    {
        var scores = new List<double>(column.Length);
        var labels = new List<bool>(column.Length);
        for (var i = 0; i < column.Length; i++)
        {
            if (!double.IsNaN(column[i]) && classes[i] >= 0)
            {
                scores.Add(column[i]);
                labels.Add(isPositive(classes[i]));
            }
        }

        return ([.. scores], [.. labels]);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
