using Vigil.Data.Internal;

namespace Vigil.Data.Validation.Leakage;

/// <summary>
/// Finds columns that leak the target: Rule A (<see cref="SingleColumnRules"/>) on every column, then Rule B
/// (<see cref="DecompositionRule"/>) on the rest. The target itself and identifier columns are never suspects:
/// an identifier predicts nothing about new rows, which is a different problem (identifier_column).
/// </summary>
internal static class LeakageDetector
{
    /// <summary>The suspects, strongest first, ties in frame order.</summary>
    public static IReadOnlyList<LeakageSuspect> Detect(
        IReadOnlyList<EncodedColumn> columns, TargetInfo target, IReadOnlySet<string> identifiers, LeakageOptions options)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var eligible = new List<EncodedColumn>();
        foreach (var c in columns)
        {
            order[c.Source.Name] = order.Count;
            if (c.Source.Name != target.Name && !identifiers.Contains(c.Source.Name))
            {
                eligible.Add(c);
            }
        }

        var suspects = new List<LeakageSuspect>();
        var flagged = new List<EncodedColumn>();
        var rest = new List<EncodedColumn>();
        foreach (var c in eligible)
        {
            if (SingleColumnRules.Evaluate(c, target, options) is { } suspect)
            {
                suspects.Add(suspect);
                flagged.Add(c);
            }
            else
            {
                rest.Add(c);
            }
        }

        suspects.AddRange(DecompositionRule.Evaluate(flagged, rest, target, options));
        return [.. suspects.OrderByDescending(s => s.Score).ThenBy(s => order[s.Column])];
    }
}
