using System.Globalization;
using System.Runtime.CompilerServices;

namespace Vigil.Serving.Logging;

/// <summary>
/// Reads the prediction logs <see cref="PredictionLog"/> writes, oldest day first and in written order within a day, for
/// feedback joins and monitoring. Safe to use while a log is being written: a torn last line (a write in progress) is skipped.
/// </summary>
public sealed class PredictionLogReader
{
    private readonly string _dataDirectory;

    /// <summary>Creates a reader over the Vigil data directory (the one given to <see cref="PredictionLogOptions"/>).</summary>
    public PredictionLogReader(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _dataDirectory = Path.GetFullPath(dataDirectory);
    }

    /// <summary>The days <paramref name="model"/> has a log for, oldest first.</summary>
    public IReadOnlyList<DateOnly> Days(string model)
    {
        var folder = Path.GetDirectoryName(PredictionLog.FileOf(_dataDirectory, model, default))!;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*.jsonl")
            .Select(f => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>()
            .Order()];
    }

    /// <summary>The entries of <paramref name="model"/> from the days <paramref name="from"/> to <paramref name="to"/> (inclusive, UTC; null = unbounded).</summary>
    /// <exception cref="FormatException">A line other than a file's last is not an entry; the message names the file and line.</exception>
    public async IAsyncEnumerable<PredictionLogEntry> ReadAsync(
        string model, DateOnly? from = null, DateOnly? to = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var day in Days(model))
        {
            if ((from is { } f && day < f) || (to is { } t && day > t))
            {
                continue;
            }

            await foreach (var entry in ReadFileAsync(PredictionLog.FileOf(_dataDirectory, model, day), cancellationToken).ConfigureAwait(false))
            {
                yield return entry;
            }
        }
    }

    /// <summary>The entry with <paramref name="predictionId"/> of <paramref name="model"/>, found in the day its id encodes; null when absent.</summary>
    public async Task<PredictionLogEntry?> FindAsync(string model, string predictionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictionId);
        if (!PredictionIds.TryGetTimestamp(predictionId, out var timestamp))
        {
            return null;
        }

        var day = DateOnly.FromDateTime(timestamp.UtcDateTime);
        await foreach (var entry in ReadAsync(model, day, day, cancellationToken).ConfigureAwait(false))
        {
            if (entry.PredictionId == predictionId)
            {
                return entry;
            }
        }

        return null;
    }

    private static async IAsyncEnumerable<PredictionLogEntry> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var reader = new StreamReader(stream);
        var number = 0;
        string? line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        while (line is not null)
        {
            number++;
            var next = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Length > 0)
            {
                PredictionLogEntry? entry = null;
                try
                {
                    entry = PredictionLogEntry.Parse(line);
                }
                catch (FormatException ex) when (next is not null)
                {
                    throw new FormatException($"{path} line {number.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", ex);
                }
                catch (FormatException)
                {
                    // The last line is being written; skip it.
                }

                if (entry is not null)
                {
                    yield return entry;
                }
            }

            line = next;
        }
    }
}
