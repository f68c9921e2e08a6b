using System.Globalization;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation.Leakage;

/// <summary>
/// Rule B, target decomposition. When at least <see cref="LeakageOptions.MinDecompositionColumns"/> 0/1 indicator
/// columns already flagged by Rule A each imply the positive class, and their OR explains at least
/// <see cref="LeakageOptions.MinDecompositionCoverage"/> of the positives with at least
/// <see cref="LeakageOptions.MinDecompositionPrecision"/> precision, the target is a roll-up of indicator labels
/// recorded together with the outcome (AI4I's failure modes). Any other 0/1 indicator rarer than the target is then a
/// sibling label of the same family and is flagged too, even though no statistic of its own could show it: a label
/// that is sometimes set without the roll-up firing is still an outcome, not a cause. Its score is half the
/// decomposition's coverage × precision, so it always ranks below the direct Rule-A evidence (≥ 0.99).
/// </summary>
internal static class DecompositionRule
{
    /// <summary>The sibling indicators among <paramref name="candidates"/>, or none when the target does not decompose.</summary>
    public static IReadOnlyList<LeakageSuspect> Evaluate(
        IReadOnlyList<EncodedColumn> flagged, IReadOnlyList<EncodedColumn> candidates, TargetInfo target, LeakageOptions options)
    {
        if (!target.IsBinary)
        {
            return [];
        }

        var y = target.Encoded.Codes;
        var members = flagged.Where(c => ImpliesPositive(c, y, target.PositiveClass, options)).ToList();
        if (members.Count < options.MinDecompositionColumns)
        {
            return [];
        }

        var covered = new bool[y.Length];
        foreach (var member in members)
        {
            var positive = Indicator.PositiveCode(member);
            for (var i = 0; i < y.Length; i++)
            {
                covered[i] |= member.Codes[i] == positive;
            }
        }

        int truePositives = 0, falsePositives = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (covered[i] && y[i] == target.PositiveClass)
            {
                truePositives++;
            }
            else if (covered[i] && y[i] >= 0)
            {
                falsePositives++;
            }
        }

        var positives = target.Encoded.Counts[target.PositiveClass];
        var coverage = (double)truePositives / positives;
        var precision = truePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        if (coverage < options.MinDecompositionCoverage || precision < options.MinDecompositionPrecision)
        {
            return [];
        }

        var rollUp = Text($"'{target.Name}' = {target.PositiveLabel} is rebuilt by {string.Join(" OR ", members.Select(m => m.Source.Name))} for {truePositives} of {positives} positives ({NumberText.Percent(coverage, 1)}) at {NumberText.Percent(precision, 1)} precision, so the target rolls up outcome labels");
        var suspects = new List<LeakageSuspect>();
        foreach (var c in candidates)
        {
            var positive = Indicator.PositiveCode(c);
            if (positive < 0)
            {
                continue;
            }

            var rate = (double)c.Counts[positive] / c.PresentCount;
            if (rate >= target.PositiveRate)
            {
                continue;
            }

            var agree = 0;
            for (var i = 0; i < y.Length; i++)
            {
                agree += c.Codes[i] == positive && y[i] == target.PositiveClass ? 1 : 0;
            }

            suspects.Add(new LeakageSuspect(c.Source.Name, 0.5 * coverage * precision, LeakageRule.TargetDecomposition, Text(
                $"{rollUp}; {c.Source.Name} is a 0/1 indicator of the same family, rarer than the target ({NumberText.Percent(rate)} < {NumberText.Percent(target.PositiveRate)}; only {agree} of its {c.Counts[positive]} rows with {c.Source.Name} = {c.Labels[positive]} have '{target.Name}' = {target.PositiveLabel})")));
        }

        return suspects;
    }

    private static bool ImpliesPositive(EncodedColumn column, int[] y, int positiveClass, LeakageOptions options)
    {
        var positive = Indicator.PositiveCode(column);
        if (positive < 0)
        {
            return false;
        }

        int rows = 0, hits = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (column.Codes[i] == positive && y[i] >= 0)
            {
                rows++;
                hits += y[i] == positiveClass ? 1 : 0;
            }
        }

        return rows >= options.MinSupport && hits >= options.MinPrecision * rows;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
