namespace Vigil.Data.Csv;

/// <summary>
/// Reads UTF-8 CSV (RFC 4180 quoting; CRLF, LF or CR line ends; optional BOM) into a typed <see cref="Frames.DataFrame"/>,
/// setting bad records aside in <see cref="CsvReadResult.Quarantined"/> instead of failing or dropping them.
/// </summary>
/// <remarks>
/// Kinds are inferred from the first <see cref="CsvReadOptions.InferenceSampleRows"/> records, then every record is
/// checked in a full pass: a record with the wrong field count, a value that does not parse in a typed column, an
/// unterminated quote or a size over the limits is quarantined with its line and reason. When an inferred typed column
/// fails for more than <see cref="CsvReadOptions.WideningMinFailures"/> records and more than
/// <see cref="CsvReadOptions.WideningFraction"/> of them, it is widened to text and the input is read again, so those
/// records are accepted (see <see cref="CsvReadOptions"/>). Unusable input throws <see cref="CsvFormatException"/>.
/// </remarks>
public static class CsvReader
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    public static CsvReadResult ReadFile(string path, CsvReadOptions? options = null, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, options, progress, ct);
    }

    /// <summary>
    /// Lazily reads the CSV file at <paramref name="path"/> as a sequence of frames of at most
    /// <paramref name="chunkRows"/> accepted rows each, holding only one chunk in memory at a time.
    /// </summary>
    /// <remarks>
    /// The dialect, header and column kinds are decided once from the head of the file exactly as
    /// <see cref="ReadFile"/> does (or taken from <see cref="CsvReadOptions.ColumnKinds"/>), and every chunk has those
    /// column names and kinds. Because the file is read once and never again, no column widens: a value that does not
    /// parse in a typed column quarantines its row (force a kind with <see cref="CsvReadOptions.ColumnKinds"/> if
    /// needed), and a Categorical column stays Categorical, each chunk carrying its own dictionary of only the values
    /// it holds (so codes are not comparable across chunks). Each chunk's <see cref="CsvReadResult.Quarantined"/>
    /// holds the bad records read since the previous chunk with their file line numbers; a chunk also ends when it
    /// holds <paramref name="chunkRows"/> quarantined records, so it may have no accepted rows. Each summary counts
    /// its own chunk; the schema warnings come with the first. Progress reports the fraction of the file's bytes
    /// read. Arguments are checked at the call; the file is opened, and <see cref="CsvFormatException"/> (empty
    /// file, unusable head, every row quarantined) thrown, during enumeration.
    /// </remarks>
    public static IEnumerable<CsvReadResult> ReadChunks(
        string path,
        CsvReadOptions? options = null,
        int chunkRows = 65_536,
        IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        return ReadChunksCore(path, options ?? CsvReadOptions.Default, chunkRows, progress, ct);
    }

    /// <summary>
    /// Reads CSV from <paramref name="stream"/>'s current position to its end, leaving the stream open; a stream that
    /// cannot seek is first copied to a temporary file so that a widening re-read is possible.
    /// </summary>
    public static CsvReadResult Read(Stream stream, CsvReadOptions? options = null, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        options ??= CsvReadOptions.Default;
        if (stream.CanSeek)
        {
            return CsvReadSession.Run(stream, options, progress, ct);
        }

        var tempPath = Path.Combine(Path.GetTempPath(), "vigil-csv-" + Guid.NewGuid().ToString("N") + ".csv");
        using var temp = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        stream.CopyTo(temp);
        temp.Position = 0;
        return CsvReadSession.Run(temp, options, progress, ct);
    }

    private static IEnumerable<CsvReadResult> ReadChunksCore(string path, CsvReadOptions options, int chunkRows, IProgress<double>? progress, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        foreach (var chunk in CsvChunkSession.Run(stream, options, chunkRows, progress, ct))
        {
            yield return chunk;
        }
    }
}
