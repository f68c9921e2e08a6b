using Vigil.Data.Internal;

namespace Vigil.Data.Validation;

/// <summary>Counts rows equal in every column to an earlier row (pandas' <c>duplicated(keep="first")</c>), by hashing value codes.</summary>
internal static class DuplicateRows
{
    /// <summary>The number of rows that repeat an earlier row; missing equals missing.</summary>
    public static long Count(IReadOnlyList<EncodedColumn> columns, int rows)
    {
        if (columns.Count == 0)
        {
            return 0;
        }

        var buckets = new Dictionary<int, List<int>>(rows);
        long duplicates = 0;
        for (var row = 0; row < rows; row++)
        {
            var hash = default(HashCode);
            foreach (var c in columns)
            {
                hash.Add(c.Codes[row]);
            }

            var key = hash.ToHashCode();
            if (!buckets.TryGetValue(key, out var earlier))
            {
                buckets.Add(key, [row]);
                continue;
            }

            if (earlier.Exists(other => SameRow(columns, row, other)))
            {
                duplicates++;
            }
            else
            {
                earlier.Add(row);
            }
        }

        return duplicates;
    }

    private static bool SameRow(IReadOnlyList<EncodedColumn> columns, int a, int b)
    {
        foreach (var c in columns)
        {
            if (c.Codes[a] != c.Codes[b])
            {
                return false;
            }
        }

        return true;
    }
}
