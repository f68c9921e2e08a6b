using System.Globalization;
using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>Checks of a classification target: its class balance, imbalance and classes too small to learn from.</summary>
internal static class TargetChecks
{
    /// <summary>The class balance, adding class_imbalance and too_few_samples issues; null when no row is labelled.</summary>
    public static ClassBalance? Check(TargetInfo target, ValidationOptions options, List<ValidationIssue> issues)
    {
        var encoded = target.Encoded;
        if (!target.IsClassification || encoded.PresentCount == 0)
        {
            return null;
        }

        double labelled = encoded.PresentCount;
        var classes = Enumerable.Range(0, encoded.DistinctCount)
            .OrderByDescending(c => encoded.Counts[c])
            .ThenBy(c => encoded.Labels[c], StringComparer.Ordinal)
            .Select(c => new ClassCount(encoded.Labels[c], encoded.Counts[c], encoded.Counts[c] / labelled))
            .ToList();
        var minority = classes[^1];
        var balance = new ClassBalance(target.Name, classes, minority.Label, minority.Share);
        if (classes.Count == 1)
        {
            issues.Add(new(IssueSeverity.Error, IssueCodes.ClassImbalance, target.Name,
                Text($"a single class '{minority.Label}': there is nothing to learn"), minority.Count));
            return balance;
        }

        if (minority.Share < options.MinMinorityShare)
        {
            issues.Add(new(IssueSeverity.Warning, IssueCodes.ClassImbalance, target.Name,
                Text($"minority class '{minority.Label}' is {NumberText.Percent(minority.Share)} of labelled rows (below {NumberText.Percent(options.MinMinorityShare, 0)}); use stratified splits and PR-AUC"),
                minority.Count));
        }

        foreach (var c in classes.Where(c => c.Count < options.MinClassCount))
        {
            issues.Add(new(IssueSeverity.Warning, IssueCodes.TooFewSamples, target.Name,
                Text($"class '{c.Label}' has {c.Count} rows, fewer than {options.MinClassCount}"), c.Count));
        }

        return balance;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
