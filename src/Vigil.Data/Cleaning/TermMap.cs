namespace Vigil.Data.Cleaning;

/// <summary>
/// The fitted term normalization of one categorical column: synonyms, and when case folding, the canonical spelling of each
/// case-folded value (a synonym target if one folds to it, else the most frequent training spelling, ties to the ordinally smallest).
/// </summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="Synonyms">Whitespace-collapsed value → canonical value, compared ignoring case when folding.</param>
/// <param name="FoldCase">Whether values equal ignoring case are merged.</param>
/// <param name="Canonical">Lower-cased value → canonical spelling; empty when not folding.</param>
internal sealed record TermMap(string Column, IReadOnlyDictionary<string, string> Synonyms, bool FoldCase, IReadOnlyDictionary<string, string> Canonical)
{
    /// <summary>The normalized form of <paramref name="value"/>; null when it is blank.</summary>
    public string? Normalize(string value)
    {
        var spelled = Spell(value, Synonyms);
        return spelled is not null && FoldCase && Canonical.TryGetValue(spelled.ToLowerInvariant(), out var canonical) ? canonical : spelled;
    }

    /// <summary>Whitespace collapsed, then the synonym if there is one; null when blank.</summary>
    public static string? Spell(string value, IReadOnlyDictionary<string, string> synonyms)
    {
        var cleaned = TextNormalization.CollapseWhitespace(value);
        return cleaned.Length == 0 ? null : synonyms.GetValueOrDefault(cleaned, cleaned);
    }
}
