namespace Vigil.Data.Cleaning;

/// <summary>Validated synonym dictionaries whose keys are whitespace-collapsed and compared ignoring case when case folding is on.</summary>
internal static class SynonymMaps
{
    /// <summary>A normalized copy of <paramref name="source"/>; problems are added to <paramref name="errors"/>.</summary>
    public static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string>? source, bool foldCase, string label, List<string> errors)
    {
        var map = new Dictionary<string, string>(foldCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (source is null)
        {
            return map;
        }

        foreach (var (key, value) in source)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{label} must map non-blank values to non-blank values.");
                continue;
            }

            var cleanKey = TextNormalization.CollapseWhitespace(key);
            var cleanValue = TextNormalization.CollapseWhitespace(value);
            if (map.TryGetValue(cleanKey, out var earlier) && !string.Equals(earlier, cleanValue, StringComparison.Ordinal))
            {
                errors.Add($"{label} maps '{cleanKey}' to both '{earlier}' and '{cleanValue}'.");
                continue;
            }

            map[cleanKey] = cleanValue;
        }

        return map;
    }

    /// <summary>The synonyms for one column: the global ones, overridden entry by entry by the column's own.</summary>
    public static IReadOnlyDictionary<string, string> ForColumn(
        IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string>? column, bool foldCase)
    {
        if (column is null || column.Count == 0)
        {
            return global;
        }

        var map = new Dictionary<string, string>(global, foldCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (key, value) in column)
        {
            map[key] = value;
        }

        return map;
    }
}
