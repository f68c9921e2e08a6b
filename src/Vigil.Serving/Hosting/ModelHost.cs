using System.Collections.Concurrent;
using System.Globalization;
using Vigil.Serving.Routing;
using Vigil.Tracking;
using Vigil.Tracking.Registry;

namespace Vigil.Serving.Hosting;

/// <summary>
/// Serves models by name: loads and warms the configured references at start, follows their aliases and routing specs on
/// every <see cref="RefreshAsync"/> (the background <see cref="RunAsync"/> calls it every <see cref="ModelHostOptions.PollInterval"/>),
/// and loads a name not configured at start on its first request. Thread-safe; one per server.
/// </summary>
/// <remarks>
/// Hot swap: when an alias moves, the new version is loaded and warmed beside the old one, then a new immutable
/// <see cref="ModelEndpoint"/> is published with one volatile reference write. Requests that already read the old state finish
/// on the old model; later requests see the new one. A failed load keeps the old state and is retried on the next refresh.
/// Old models are not disposed (in-flight requests may still use them); they are collected when unreferenced.
/// File references (<c>file:path</c>) are loaded once and never re-read.
/// </remarks>
public sealed class ModelHost : IDisposable
{
    private const int MaxNameLength = 256;
    private const int MissCacheLimit = 1024;

    private readonly ModelHostOptions _options;
    private readonly ModelLoader _loader;
    private readonly TimeProvider _time;
    private readonly IModelHostObserver[] _observers;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ModelEndpoint>>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Miss> _misses = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private int _onDemandCount;
    private volatile bool _started;
    private volatile bool _disposed;

    /// <summary>Creates a host; nothing is loaded until <see cref="StartAsync"/>.</summary>
    /// <param name="options">What to serve and how to follow the registry.</param>
    /// <param name="loader">Resolves and loads references.</param>
    /// <param name="time">The clock for load durations, timeouts, the poll timer and the miss cache.</param>
    /// <param name="observers">Hooks told about loads, swaps, failures and routing changes.</param>
    public ModelHost(ModelHostOptions options, ModelLoader loader, TimeProvider time, IEnumerable<IModelHostObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _loader = loader;
        _time = time;
        _observers = observers?.ToArray() ?? [];
    }

    /// <summary>The options in use.</summary>
    public ModelHostOptions Options => _options;

    /// <summary>True once started and every configured model has a loaded version.</summary>
    public bool IsReady => _started && !_disposed && _slots.Values.All(s => !s.Configured || s.Current is not null);

    /// <summary>A snapshot of every loaded endpoint by name.</summary>
    public IReadOnlyDictionary<string, ModelEndpoint> Endpoints =>
        _slots.Values.Select(s => s.Current).OfType<ModelEndpoint>().ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>
    /// Loads and warms every configured reference (concurrently). When one fails it throws a <see cref="ServingException"/> listing
    /// every failure, unless <see cref="ModelHostOptions.StartWhenLoadFails"/> is set: then the host starts not ready and the
    /// failed models are retried on each refresh.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started)
            {
                throw new InvalidOperationException("The model host is already started.");
            }

            var slots = _options.Models.Select(r => _slots.GetOrAdd(r.Name, _ => new Slot(r, configured: true))).ToList();
            await Task.WhenAll(slots.Select(s => RefreshSlotAsync(s, cancellationToken))).ConfigureAwait(false);
            var failed = slots.Where(s => s.Current is null).ToList();
            if (failed.Count > 0 && !_options.StartWhenLoadFails)
            {
                var details = string.Join("; ", failed.Select(s => s.LastError?.Message ?? $"'{s.Reference}' did not load"));
                throw failed.Count == 1 && failed[0].LastError is ServingException single
                    ? new ServingException(single.ErrorCode, $"Cannot start serving: {single.Message}", single)
                    : new ServingException(ServingErrorCode.NotReady, $"Cannot start serving: {failed.Count} of {slots.Count} models failed to load: {details}", failed[0].LastError!);
            }

            _started = true;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// One poll: re-resolves every served model's alias and routing spec; loads and warms versions that changed and switches to
    /// them atomically. Failures are reported to the observers and retried next time; this only throws on cancellation.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_slots.Values.ToList().Select(s => RefreshSlotAsync(s, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>Calls <see cref="RefreshAsync"/> every <see cref="ModelHostOptions.PollInterval"/> on the host's clock until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(linked.Token).ConfigureAwait(false))
            {
                await RefreshAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Stopped.
        }
        catch (ObjectDisposedException) when (_disposed)
        {
            // Disposed while polling.
        }
    }

    /// <summary>The current state of <paramref name="name"/> when it is loaded, without waiting.</summary>
    public bool TryGet(string name, out ModelEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(name);
        endpoint = null!;
        if (_slots.TryGetValue(name, out var slot) && slot.Current is { } current)
        {
            endpoint = current;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The current state of <paramref name="name"/>. A name not configured at start is loaded as <c>name@champion</c>
    /// (<see cref="ModelHostOptions.OnDemandAlias"/>) on its first request; concurrent first requests share one load, and a failed
    /// load is remembered for <see cref="ModelHostOptions.MissCacheDuration"/>.
    /// </summary>
    /// <exception cref="ServingException">The model is missing (<see cref="ServingErrorCode.ModelNotFound"/>), not loaded yet, or failed to load.</exception>
    public ValueTask<ModelEndpoint> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_slots.TryGetValue(name, out var slot))
        {
            return slot.Current is { } current ? ValueTask.FromResult(current) : ValueTask.FromException<ModelEndpoint>(NotReady(slot));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_options.LoadOnFirstRequest)
        {
            return ValueTask.FromException<ModelEndpoint>(new ServingException(
                ServingErrorCode.ModelNotFound, $"Model '{name}' is not served (serving: {string.Join(", ", _slots.Keys.Order(StringComparer.Ordinal))})."));
        }

        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return ValueTask.FromException<ModelEndpoint>(new ServingException(
                ServingErrorCode.ModelNotFound, $"'{Printable(name)}' is not a model name (1–{MaxNameLength} characters, no control characters)."));
        }

        if (_misses.TryGetValue(name, out var miss))
        {
            if (_time.GetUtcNow() < miss.Until)
            {
                return ValueTask.FromException<ModelEndpoint>(new ServingException(miss.Error.ErrorCode, miss.Error.Message, miss.Error));
            }

            _misses.TryRemove(new KeyValuePair<string, Miss>(name, miss));
        }

        return new ValueTask<ModelEndpoint>(LoadOnFirstRequestAsync(name, cancellationToken));
    }

    private async Task<ModelEndpoint> LoadOnFirstRequestAsync(string name, CancellationToken cancellationToken)
    {
        Lazy<Task<ModelEndpoint>>? created = null;
        var lazy = _pending.GetOrAdd(name, n => created = new Lazy<Task<ModelEndpoint>>(() => LoadOnDemandAsync(n)));
        var task = lazy.Value;
        if (ReferenceEquals(lazy, created))
        {
            _ = task.ContinueWith(
                _ => _pending.TryRemove(new KeyValuePair<string, Lazy<Task<ModelEndpoint>>>(name, lazy)),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<ModelEndpoint> LoadOnDemandAsync(string name)
    {
        await Task.Yield();
        if (Volatile.Read(ref _onDemandCount) >= _options.MaxOnDemandModels)
        {
            throw new ServingException(
                ServingErrorCode.NotReady,
                $"Model '{name}' is not loaded: this server already loaded {_options.MaxOnDemandModels} models on first request (MaxOnDemandModels); configure it at start.");
        }

        var slot = new Slot(new ModelReference(name, _options.OnDemandAlias, null), configured: false);
        await RefreshSlotAsync(slot, _lifetime.Token).ConfigureAwait(false);
        if (slot.Current is null)
        {
            var error = slot.LastError as ServingException
                ?? new ServingException(ServingErrorCode.NotReady, $"Model '{slot.Reference}' failed to load: {slot.LastError?.Message}", slot.LastError!);
            RememberMiss(name, error);
            throw new ServingException(error.ErrorCode, error.Message, error);
        }

        var published = _slots.GetOrAdd(name, slot);
        if (ReferenceEquals(published, slot))
        {
            Interlocked.Increment(ref _onDemandCount);
        }

        return published.Current ?? slot.Current;
    }

    private void RememberMiss(string name, ServingException error)
    {
        if (_options.MissCacheDuration <= TimeSpan.Zero)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_misses.Count >= MissCacheLimit)
        {
            foreach (var (key, value) in _misses)
            {
                if (value.Until <= now)
                {
                    _misses.TryRemove(new KeyValuePair<string, Miss>(key, value));
                }
            }
        }

        if (_misses.Count < MissCacheLimit)
        {
            _misses[name] = new Miss(now + _options.MissCacheDuration, error);
        }
    }

    private async Task RefreshSlotAsync(Slot slot, CancellationToken cancellationToken)
    {
        var reference = slot.Reference;
        var failuresBefore = slot.Failures;
        try
        {
            if (reference.FilePath is not null)
            {
                if (slot.Current is null)
                {
                    var model = await LoadAsync(reference, cancellationToken).ConfigureAwait(false);
                    Publish(slot, null, model, null, RoutingSpec.None);
                }

                return;
            }

            await RefreshRegisteredAsync(slot, cancellationToken).ConfigureAwait(false);
            if (slot.Failures == failuresBefore)
            {
                slot.LastError = null;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Fail(slot, reference, ex);
        }
    }

    private async Task RefreshRegisteredAsync(Slot slot, CancellationToken cancellationToken)
    {
        var reference = slot.Reference;
        var old = slot.Current;
        RegisteredModel model;
        try
        {
            model = await _loader.Registry.GetRegisteredModelAsync(reference.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ServingException(ServingErrorCode.ModelNotFound, $"Registered model '{reference.Name}' does not exist (asked for '{reference}').", ex);
        }

        RoutingSpec spec;
        try
        {
            spec = RoutingStore.Read(model);
        }
        catch (ServingException ex)
        {
            // Keep the routing in effect; serve the primary.
            Fail(slot, reference, ex);
            spec = old?.Routing ?? RoutingSpec.None;
        }

        // The primary: the spec's override, else the served reference.
        var primaryReference = spec.Primary is { } p ? RoutingSpec.TargetReference(reference.Name, p) : reference;
        IServedModel primary;
        try
        {
            primary = await ObtainAsync(model, primaryReference, old, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (old is null)
            {
                throw;
            }

            Fail(slot, primaryReference, ex);
            primary = old.Primary;
        }

        var secondary = (IServedModel?)null;
        var routing = spec;
        if (spec.Mode != RoutingMode.None)
        {
            var secondaryReference = RoutingSpec.TargetReference(reference.Name, spec.Secondary!);
            try
            {
                secondary = await ObtainAsync(model, secondaryReference, old, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Keep the routing (and secondary) in effect; without one, serve the primary alone.
                Fail(slot, secondaryReference, ex);
                secondary = old?.Secondary;
                routing = old?.Secondary is null ? RoutingSpec.None : old.Routing;
            }
        }

        if (old is not null && ReferenceEquals(old.Primary, primary) && ReferenceEquals(old.Secondary, secondary) && old.Routing == routing)
        {
            return;
        }

        Publish(slot, old, primary, secondary, routing);
    }

    /// <summary>The served model for a target: reused when the current state already has that version, else loaded.</summary>
    private async Task<IServedModel> ObtainAsync(RegisteredModel model, ModelReference target, ModelEndpoint? old, CancellationToken cancellationToken)
    {
        int version;
        if (target.Alias is { } alias)
        {
            version = model.Aliases.FirstOrDefault(a => a.Alias == alias)?.Version
                ?? throw new ServingException(ServingErrorCode.ModelNotFound, $"Registered model '{model.Name}' has no alias '{alias}' (asked for '{target}').");
        }
        else
        {
            version = target.Version!.Value;
        }

        if (old is not null)
        {
            foreach (var candidate in new[] { old.Primary, old.Secondary })
            {
                if (candidate is not null && candidate.Identity.Version == version && candidate.Identity.Name == model.Name)
                {
                    return candidate;
                }
            }
        }

        return await LoadAsync(target, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IServedModel> LoadAsync(ModelReference reference, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        IServedModel model;
        try
        {
            model = await LoadCoreAsync(reference, cancellationToken).WaitAsync(_options.LoadTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new ServingException(
                ServingErrorCode.LoadTimeout,
                $"Loading model '{reference}' took longer than {_options.LoadTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (LoadTimeout).", ex);
        }

        var elapsed = _time.GetElapsedTime(started);
        Notify(o => o.OnLoaded(model.Identity, elapsed));
        return model;
    }

    private async Task<IServedModel> LoadCoreAsync(ModelReference reference, CancellationToken cancellationToken)
    {
        var resolved = await _loader.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
        return await _loader.LoadAsync(resolved, cancellationToken).ConfigureAwait(false);
    }

    private void Publish(Slot slot, ModelEndpoint? old, IServedModel primary, IServedModel? secondary, RoutingSpec routing)
    {
        var state = new ModelEndpoint(slot.Reference.Name, slot.Reference, primary, secondary, routing, _time.GetUtcNow());
        slot.Current = state;
        if (old is null)
        {
            if (routing.Mode != RoutingMode.None)
            {
                Notify(o => o.OnRoutingChanged(state.Name, RoutingSpec.None, routing, state));
            }

            return;
        }

        if (!ReferenceEquals(old.Primary, primary))
        {
            Notify(o => o.OnSwapped(state.Name, old.Primary.Identity, primary.Identity));
        }

        if (old.Routing != routing || !ReferenceEquals(old.Secondary, secondary))
        {
            Notify(o => o.OnRoutingChanged(state.Name, old.Routing, routing, state));
        }
    }

    private void Fail(Slot slot, ModelReference reference, Exception error)
    {
        slot.LastError = error;
        slot.CountFailure();
        Notify(o => o.OnLoadFailed(reference, error));
    }

    private void Notify(Action<IModelHostObserver> action)
    {
        foreach (var observer in _observers)
        {
            try
            {
                action(observer);
            }
#pragma warning disable CA1031 // An observer's failure must not break serving.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static ServingException NotReady(Slot slot) => new(
        ServingErrorCode.NotReady,
        slot.LastError is { } error
            ? $"Model '{slot.Reference}' is not loaded: {error.Message}"
            : $"Model '{slot.Reference}' is not loaded yet.",
        slot.LastError ?? new InvalidOperationException("Not loaded yet."));

    private static string Printable(string text) =>
        string.Concat(text.Take(64).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>Stops the poll loop and first-request loads; loaded models stay usable by callers holding them.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lifetime.Cancel();
    }

    private sealed class Slot(ModelReference reference, bool configured)
    {
        private ModelEndpoint? _current;
        private Exception? _lastError;
        private int _failures;

        public ModelReference Reference { get; } = reference;

        public bool Configured { get; } = configured;

        public ModelEndpoint? Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }

        public int Failures => Volatile.Read(ref _failures);

        public void CountFailure() => Interlocked.Increment(ref _failures);

        public Exception? LastError
        {
            get => Volatile.Read(ref _lastError);
            set => Volatile.Write(ref _lastError, value);
        }
    }

    private sealed record Miss(DateTimeOffset Until, ServingException Error);
}
