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
}
