using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Vigil.Serving.Logging;

/// <summary>Where and how a <see cref="PredictionLog"/> writes; validated at construction.</summary>
public sealed record PredictionLogOptions
{
    /// <summary>Creates options writing under <paramref name="dataDirectory"/><c>/predictions</c>.</summary>
    /// <exception cref="ArgumentException">The directory is empty.</exception>
    public PredictionLogOptions(string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new ArgumentException("DataDirectory must not be empty.", nameof(dataDirectory));
        }

        DataDirectory = dataDirectory;
    }

    /// <summary>The Vigil data directory; logs go to <c>&lt;data dir&gt;/predictions/&lt;model&gt;/&lt;yyyy-MM-dd&gt;.jsonl</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>The most entries waiting to be written; when full, new entries are dropped and counted. Default 65,536.</summary>
    public int Capacity
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"Capacity must be at least 1 (got {value}).", nameof(Capacity));
    } = 65_536;

    /// <summary>This replica's name in prediction ids (see <see cref="PredictionIds"/>), or null for a single host.</summary>
    public string? Instance { get; init; }
}

/// <summary>
/// An append-only JSON Lines log of predictions, one file per model and UTC day (<c>&lt;data dir&gt;/predictions/&lt;model&gt;/&lt;yyyy-MM-dd&gt;.jsonl</c>,
/// the model name escaped for the file system by <see cref="FolderName"/>), for feedback and monitoring. <see cref="TryAppend"/>
/// never blocks a request: entries go into a bounded channel that one background task drains, writing whole lines and flushing
/// after each burst; when the channel is full the entry is dropped and counted in <see cref="Dropped"/>. Disposing drains and
/// flushes everything accepted.
/// </summary>
public sealed class PredictionLog : IAsyncDisposable, IDisposable
{
    /// <summary>The folder under the data directory that holds prediction logs.</summary>
    public const string FolderName = "predictions";

    private readonly Channel<PredictionLogEntry> _channel;
    private readonly string _root;
    private readonly Task _writer;
    private readonly Dictionary<string, OpenFile> _files = new(StringComparer.Ordinal);
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _accepted;
    private long _processed;
    private long _written;
    private long _dropped;
    private long _failed;
    private int _disposed;

    /// <summary>Creates the log and starts its writer.</summary>
    public PredictionLog(PredictionLogOptions options, TimeProvider time)
        : this(options, time, null)
    {
    }

    /// <summary>Creates the log; its writer waits for <paramref name="writerStart"/> first (tests use it to hold the queue full).</summary>
    internal PredictionLog(PredictionLogOptions options, TimeProvider time, Task? writerStart)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Ids = new PredictionIds(time, options.Instance);
        _root = Path.Combine(Path.GetFullPath(options.DataDirectory), FolderName);
        _channel = Channel.CreateBounded<PredictionLogEntry>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _writer = Task.Run(async () =>
        {
            if (writerStart is not null)
            {
                await writerStart.ConfigureAwait(false);
            }

            await WriteLoopAsync().ConfigureAwait(false);
        });
    }

    /// <summary>The id generator for this log's entries.</summary>
    public PredictionIds Ids { get; }

    /// <summary>Entries accepted by <see cref="TryAppend"/>.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Entries written to their files.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Entries dropped because the queue was full (or the log closed).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Entries lost to write errors (e.g. a full disk).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The next prediction id.</summary>
    public PredictionId NextId() => Ids.Next();

    /// <summary>Queues an entry without blocking; false (and <see cref="Dropped"/> counts it) when the queue is full or the log is closed.</summary>
    public bool TryAppend(PredictionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _accepted);
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Queues several entries; returns how many were accepted.</summary>
    public int TryAppendRange(IEnumerable<PredictionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var accepted = 0;
        foreach (var entry in entries)
        {
            accepted += TryAppend(entry) ? 1 : 0;
        }

        return accepted;
    }

    /// <summary>Waits until every entry accepted before the call is written (or failed) and flushed.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Accepted;
        while (true)
        {
            var progress = Volatile.Read(ref _progress);
            if (Interlocked.Read(ref _processed) >= target || _writer.IsCompleted)
            {
                return;
            }

            await progress.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The log file of <paramref name="model"/> for <paramref name="day"/> under <paramref name="dataDirectory"/>.</summary>
    public static string FileOf(string dataDirectory, string model, DateOnly day)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return Path.Combine(Path.GetFullPath(dataDirectory), FolderName, FolderNameOf(model), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl");
    }

    /// <summary>
    /// The folder name of a model: letters, digits, '-', '_' and '.' kept, every other character as <c>%XX</c> of its UTF-8
    /// bytes, so any registered name maps to one safe folder (never <c>.</c>, <c>..</c> or a path).
    /// </summary>
    public static string FolderNameOf(string model)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(model))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && model.Any(x => x != '.'))))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _channel.Reader;
        var buffer = new MemoryStream();
        await using var json = new Utf8JsonWriter(buffer);
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var count = 0L;
                while (reader.TryRead(out var entry))
                {
                    count++;
                    try
                    {
                        buffer.SetLength(0);
                        json.Reset(buffer);
                        entry.Write(json);
                        json.Flush();
                        buffer.WriteByte((byte)'\n');
                        FileFor(entry).Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                        Interlocked.Increment(ref _written);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        Interlocked.Increment(ref _failed);
                    }

                    if (count % 4096 == 0)
                    {
                        FlushFiles();
                        Progress(4096);
                        count = 0;
                    }
                }

                FlushFiles();
                Progress(count);
            }
        }
        finally
        {
            foreach (var file in _files.Values)
            {
                await file.Stream.DisposeAsync().ConfigureAwait(false);
            }

            _files.Clear();
            Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private void Progress(long count)
    {
        Interlocked.Add(ref _processed, count);
        Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private void FlushFiles()
    {
        foreach (var file in _files.Values)
        {
            try
            {
                file.Stream.Flush();
            }
            catch (IOException)
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }

    private FileStream FileFor(PredictionLogEntry entry)
    {
        var day = DateOnly.FromDateTime(entry.Timestamp.UtcDateTime);
        if (_files.TryGetValue(entry.Model, out var open) && open.Day == day)
        {
            return open.Stream;
        }

        // A new day (or a model's first entry): close yesterday's file, append to today's.
        open?.Stream.Dispose();
        var path = Path.Combine(_root, FolderNameOf(entry.Model), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024);
        _files[entry.Model] = new OpenFile(day, stream);
        return stream;
    }

    /// <summary>Stops accepting entries, writes and flushes everything accepted, and closes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _writer.ConfigureAwait(false);
            return;
        }

        _channel.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Stops accepting entries, writes and flushes everything accepted, and closes the files.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record OpenFile(DateOnly Day, FileStream Stream);
}
