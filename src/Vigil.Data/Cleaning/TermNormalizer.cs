using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>Fits and applies <see cref="TermMap"/>s to categorical columns, working on the dictionary rather than on every row.</summary>
internal static class TermNormalizer
{
    /// <summary>Learns the canonical spellings of <paramref name="column"/>'s values.</summary>
    public static TermMap Fit(CategoricalColumn column, IReadOnlyDictionary<string, string> synonyms, bool foldCase)
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        if (foldCase)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            var rows = RowsPerCategory(column);
            for (var c = 0; c < rows.Length; c++)
            {
                if (rows[c] > 0 && TermMap.Spell(column.Categories[c], synonyms) is { } spelled)
                {
                    counts[spelled] = counts.GetValueOrDefault(spelled) + rows[c];
                }
            }

            // Most frequent spelling per folded value, ties to the ordinally smallest; synonym targets override below.
            foreach (var group in counts.GroupBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal))
            {
                canonical[group.Key] = group.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            }

            foreach (var group in synonyms.Values.Distinct(StringComparer.Ordinal).GroupBy(v => v.ToLowerInvariant(), StringComparer.Ordinal))
            {
                canonical[group.Key] = group.Order(StringComparer.Ordinal).First();
            }
        }

        return new TermMap(column.Name, synonyms, foldCase, canonical);
    }

    /// <summary>The column with every value normalized, and the changes (value, new value, rows) in dictionary order.</summary>
    public static (CategoricalColumn Column, List<TermChange> Changes) Apply(CategoricalColumn column, TermMap map)
    {
        var rows = RowsPerCategory(column);
        var remap = new int[column.Categories.Count];
        var categories = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var changes = new List<TermChange>();
        for (var c = 0; c < remap.Length; c++)
        {
            var from = column.Categories[c];
            var to = map.Normalize(from);
            if (to is null)
            {
                remap[c] = -1;
            }
            else if (!index.TryGetValue(to, out remap[c]))
            {
                remap[c] = categories.Count;
                index.Add(to, categories.Count);
                categories.Add(to);
            }

            if (rows[c] > 0 && !string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new TermChange(column.Name, from, to, rows[c]));
            }
        }

        if (changes.Count == 0)
        {
            return (column, changes);
        }

        var codes = column.Codes.ToArray();
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = codes[i] < 0 ? -1 : remap[codes[i]];
        }

        return (new CategoricalColumn(column.Name, codes, [.. categories]), changes);
    }

    private static long[] RowsPerCategory(CategoricalColumn column)
    {
        var rows = new long[column.Categories.Count];
        foreach (var code in column.Codes)
        {
            if (code >= 0)
            {
                rows[code]++;
            }
        }

        return rows;
    }
}
