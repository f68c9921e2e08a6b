using Vigil.Data.Frames;

namespace Vigil.Serving.Scoring;

/// <summary>Options of a <see cref="MicroBatcher"/>; immutable and validated at construction.</summary>
public sealed record MicroBatcherOptions
{
    /// <summary>Creates options; <paramref name="maxBatchRows"/> must be 1..10,000 and <paramref name="maxDelay"/> 0..1 s.</summary>
    public MicroBatcherOptions(int maxBatchRows = 32, TimeSpan? maxDelay = null)
    {
        var delay = maxDelay ?? TimeSpan.FromMilliseconds(1);
        if (maxBatchRows is < 1 or > 10_000)
        {
            throw new ArgumentException($"MaxBatchRows must be between 1 and 10,000; was {maxBatchRows}.", nameof(maxBatchRows));
        }

        if (delay < TimeSpan.Zero || delay > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"MaxDelay must be between 0 and 1 s; was {delay}.", nameof(maxDelay));
        }

        MaxBatchRows = maxBatchRows;
        MaxDelay = delay;
    }

    /// <summary>A batch is scored as soon as it holds this many rows (default 32).</summary>
    public int MaxBatchRows { get; }

    /// <summary>A batch is scored at the latest this long after its first request arrived (default 1 ms); zero scores every request at once.</summary>
    public TimeSpan MaxDelay { get; }
}

/// <summary>
/// Optional micro-batching of concurrent small requests to one <see cref="IServedModel"/>: requests queue, and a batch
/// is scored (as one frame) when it reaches <see cref="MicroBatcherOptions.MaxBatchRows"/> rows or when
/// <see cref="MicroBatcherOptions.MaxDelay"/> has passed since its first request (timed by the injected
/// <see cref="TimeProvider"/>). Each caller gets its own rows' slice of the result. Cancelling one caller does not affect
/// the others; a scoring exception fails only the callers of that batch; disposal fails pending callers with
/// <see cref="ObjectDisposedException"/>. Thread-safe. Only for models that answer one row per record (not RUL models).
/// </summary>
public sealed class MicroBatcher : IDisposable, IAsyncDisposable
{
    private readonly IServedModel _model;
    private readonly MicroBatcherOptions _options;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private List<Pending> _pending = [];
    private int _pendingRows;
    private bool _timerArmed;
    private bool _disposed;
    private long _batches;

    /// <summary>Creates a batcher in front of <paramref name="model"/>.</summary>
    public MicroBatcher(IServedModel model, MicroBatcherOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (model.Kind == ServedModels.RulKind)
        {
            throw new ArgumentException($"Model '{model.Identity.Name}' is a RUL model, which answers per unit rather than per record; it cannot be micro-batched.", nameof(model));
        }

        _model = model;
        _options = options;
        _timer = timeProvider.CreateTimer(static s => ((MicroBatcher)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The model scored.</summary>
    public IServedModel Model => _model;

    /// <summary>The number of batches scored so far.</summary>
    public long BatchesScored => Interlocked.Read(ref _batches);

    /// <summary>The number of requests waiting for their batch.</summary>
    public int PendingRequests
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Scores <paramref name="records"/> (validated, matching the model's schema) as part of a batch and returns its rows'
    /// results. A frame of <see cref="MicroBatcherOptions.MaxBatchRows"/> rows or more is scored on its own at once.
    /// </summary>
    public Task<ScoreResult> ScoreAsync(DataFrame records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ScoreResult>(cancellationToken);
        }

        var pending = new Pending(records, new TaskCompletionSource<ScoreResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        var alone = records.RowCount >= _options.MaxBatchRows || _options.MaxDelay == TimeSpan.Zero;
        if (!alone && cancellationToken.CanBeCanceled)
        {
            pending.Registration = cancellationToken.Register(static s =>
            {
                var (batcher, p, token) = ((MicroBatcher, Pending, CancellationToken))s!;
                batcher.Cancel(p, token);
            }, (this, pending, cancellationToken));
        }

        List<Pending>? full = null;
        lock (_gate)
        {
            if (_disposed)
            {
                pending.Registration.Dispose();
                throw new ObjectDisposedException(nameof(MicroBatcher));
            }

            if (!alone && !pending.Completion.Task.IsCompleted)
            {
                if (_pendingRows + records.RowCount > _options.MaxBatchRows)
                {
                    full = TakeLocked();
                }

                _pending.Add(pending);
                _pendingRows += records.RowCount;
                if (full is null && _pendingRows >= _options.MaxBatchRows)
                {
                    full = TakeLocked();
                }

                if (_pending.Count > 0 && !_timerArmed)
                {
                    _timerArmed = true;
                    _timer.Change(_options.MaxDelay, Timeout.InfiniteTimeSpan);
                }
            }
        }

        if (full is not null)
        {
            Dispatch(full);
        }

        if (alone)
        {
            Dispatch([pending]);
        }

        return pending.Completion.Task;
    }

    /// <summary>Fails every pending caller with <see cref="ObjectDisposedException"/> and stops the timer; batches already scoring finish.</summary>
    public void Dispose()
    {
        List<Pending> pending;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            pending = TakeLocked();
        }

        _timer.Dispose();
        foreach (var p in pending)
        {
            p.Registration.Dispose();
            p.Completion.TrySetException(new ObjectDisposedException(nameof(MicroBatcher), "The micro-batcher was disposed before the request was scored."));
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private List<Pending> TakeLocked()
    {
        var taken = _pending;
        _pending = [];
        _pendingRows = 0;
        if (_timerArmed)
        {
            _timerArmed = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        return taken;
    }

    private void OnTimer()
    {
        List<Pending> batch;
        lock (_gate)
        {
            _timerArmed = false;
            if (_disposed || _pending.Count == 0)
            {
                return;
            }

            batch = TakeLocked();
        }

        Dispatch(batch);
    }

    private void Cancel(Pending pending, CancellationToken token)
    {
        lock (_gate)
        {
            if (_pending.Remove(pending))
            {
                _pendingRows -= pending.Records.RowCount;
                if (_pending.Count == 0 && _timerArmed)
                {
                    _timerArmed = false;
                    _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }
            }
        }

        // Whether still queued or already in a scoring batch, this caller stops waiting; the others are untouched.
        pending.Completion.TrySetCanceled(token);
    }

    private void Dispatch(List<Pending> batch)
    {
        if (batch.Count > 0)
        {
            _ = Task.Run(() => Execute(batch));
        }
    }

    private void Execute(List<Pending> batch)
    {
        var live = batch.Where(p => !p.Completion.Task.IsCompleted).ToList();
        if (live.Count == 0)
        {
            return;
        }

        try
        {
            var frame = FrameConcat.Rows([.. live.Select(p => p.Records)]);
            var result = _model.Score(frame);
            Interlocked.Increment(ref _batches);
            if (result.Rows != frame.RowCount)
            {
                throw new InvalidOperationException($"Model '{_model.Identity.Name}' answered {result.Rows} rows for {frame.RowCount} records; it cannot be micro-batched.");
            }

            var at = 0;
            foreach (var p in live)
            {
                p.Registration.Dispose();
                p.Completion.TrySetResult(ScoreResults.Slice(result, at, p.Records.RowCount));
                at += p.Records.RowCount;
            }
        }
        catch (Exception ex)
        {
            foreach (var p in live)
            {
                p.Registration.Dispose();
                p.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(DataFrame records, TaskCompletionSource<ScoreResult> completion)
    {
        public DataFrame Records { get; } = records;

        public TaskCompletionSource<ScoreResult> Completion { get; } = completion;

        public CancellationTokenRegistration Registration { get; set; }
    }
}
