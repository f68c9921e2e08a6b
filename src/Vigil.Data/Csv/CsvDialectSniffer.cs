namespace Vigil.Data.Csv;

/// <summary>Detects the UTF-8 byte-order mark and the delimiter from the head of the input.</summary>
internal static class CsvDialectSniffer
{
    private const int SampleBytes = 64 * 1024;
    private const int SampleRecords = 50;
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The length of a UTF-8 BOM at the stream's position (0 or 3); the position is left after it.</summary>
    public static int SkipBom(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[3];
        var n = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (n == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return 3;
        }

        stream.Position = start;
        return 0;
    }

    /// <summary>
    /// The candidate (',', ';', tab, '|') that splits the first records, outside quotes, into the same number of
    /// fields (more than one) most consistently; ties go to the earlier candidate, and ',' when none splits.
    /// </summary>
    public static char DetectDelimiter(Stream stream, int maxColumns)
    {
        var start = stream.Position;
        var buffer = new byte[(int)Math.Min(SampleBytes, Math.Max(0, stream.Length - start))];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var truncated = start + n < stream.Length;

        var best = ',';
        var bestScore = 0.0;
        foreach (var candidate in Candidates)
        {
            var score = Score(buffer, n, (byte)candidate, truncated, maxColumns);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    // The share of sampled records whose field count equals the most common count, or 0 when that count is 1.
    private static double Score(byte[] sample, int length, byte delimiter, bool truncated, int maxColumns)
    {
        var counts = new List<int>();
        using (var tokenizer = new CsvTokenizer(new MemoryStream(sample, 0, length, writable: false), delimiter, length + 64, maxColumns, length + 64))
        {
            while (counts.Count < SampleRecords + 1 && tokenizer.Read())
            {
                counts.Add(tokenizer.Error == CsvRecordError.None ? tokenizer.FieldCount : -1);
            }
        }

        if (truncated && counts.Count > 1)
        {
            counts.RemoveAt(counts.Count - 1);
        }

        if (counts.Count > SampleRecords)
        {
            counts.RemoveAt(counts.Count - 1);
        }

        var valid = counts.Where(c => c > 0).ToList();
        if (valid.Count == 0)
        {
            return 0;
        }

        var mode = valid.GroupBy(c => c).OrderByDescending(g => g.Count()).First();
        return mode.Key <= 1 ? 0 : (double)mode.Count() / counts.Count;
    }
}
