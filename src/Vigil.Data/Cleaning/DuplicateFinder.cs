using Vigil.Data.Frames;
using Vigil.Data.Internal;

namespace Vigil.Data.Cleaning;

/// <summary>Finds rows equal in the compared columns to an earlier row (pandas' <c>duplicated(keep="first")</c>); missing equals missing.</summary>
internal static class DuplicateFinder
{
    /// <summary>For every row, the index of the first earlier row it repeats, or -1 when it is the first of its kind.</summary>
    public static int[] FirstOccurrences(DataFrame frame, IEnumerable<string> columns)
    {
        var encoded = columns.Select(name => EncodedColumn.Encode(frame[name])).ToArray();
        var first = new int[frame.RowCount];
        Array.Fill(first, -1);
        if (encoded.Length == 0)
        {
            return first;
        }

        var buckets = new Dictionary<int, List<int>>(frame.RowCount);
        for (var row = 0; row < frame.RowCount; row++)
        {
            var hash = default(HashCode);
            foreach (var c in encoded)
            {
                hash.Add(c.Codes[row]);
            }

            var key = hash.ToHashCode();
            if (!buckets.TryGetValue(key, out var earlier))
            {
                buckets.Add(key, [row]);
                continue;
            }

            var match = earlier.FindIndex(other => SameRow(encoded, row, other));
            if (match >= 0)
            {
                first[row] = earlier[match];
            }
            else
            {
                earlier.Add(row);
            }
        }

        return first;
    }

    private static bool SameRow(EncodedColumn[] columns, int a, int b)
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
