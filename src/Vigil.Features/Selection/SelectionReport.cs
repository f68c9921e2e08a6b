namespace Vigil.Features.Selection;

/// <summary>What <see cref="FeatureSelection"/> looked at, dropped and kept, with each column's ranking score.</summary>
/// <param name="Considered">The columns the rules applied to, in frame order.</param>
/// <param name="Dropped">The dropped columns with their reasons, in the order the rules ran.</param>
/// <param name="Scores">Each considered numeric column's score (relevance share, or permutation importance) when one was computed.</param>
public sealed record SelectionReport(IReadOnlyList<string> Considered, IReadOnlyList<DroppedColumn> Dropped, IReadOnlyDictionary<string, double> Scores)
{
    /// <summary>The considered columns that survived.</summary>
    public IReadOnlyList<string> Kept => [.. Considered.Except(Dropped.Select(d => d.Column), StringComparer.Ordinal)];

    /// <summary>One line per dropped column, then the kept ones.</summary>
    public IReadOnlyList<string> ToLines() =>
        [$"select: {Considered.Count} columns considered, {Dropped.Count} dropped", .. Dropped.Select(d => $"  dropped {d.Column} ({d.Reason}): {d.Detail}"), $"  kept: {string.Join(", ", Kept)}"];
}
