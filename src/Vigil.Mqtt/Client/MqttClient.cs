using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Client;

/// <summary>
/// An MQTT 3.1.1 client: connect, subscribe, publish at QoS 0 and 1, receive at QoS 0, 1 and 2, with keep-alive, automatic reconnect,
/// resubscription, in-flight redelivery and a bounded outgoing queue.
/// </summary>
/// <remarks>
/// Implements the client side of OASIS MQTT Version 3.1.1 (OASIS Standard, 29 October 2014; ISO/IEC 20922:2016): CONNECT/CONNACK (§3.1-3.2),
/// QoS 0/1 publishing and QoS 0/1/2 receipt (§4.3, method B of §4.3.3 for QoS 2), keep-alive (§3.1.2.10), and message redelivery on
/// reconnect with DUP set (§4.4). Publishing is thread-safe: messages go through one bounded queue, so their order is kept; at most
/// <see cref="MqttClientOptions.MaxInFlight"/> QoS 1 messages await PUBACK at a time. A received QoS 1 message is acknowledged only
/// after the handler returns (at-least-once). Time — keep-alive, ping timeout, reconnect delays, connect timeout — comes from the
/// injected <see cref="TimeProvider"/>; reconnect jitter from a <see cref="Random"/> seeded with <see cref="MqttClientOptions.ReconnectJitterSeed"/>.
/// </remarks>
public sealed partial class MqttClient : IAsyncDisposable
{
    private const int StateNew = 0;
    private const int StateStarted = 1;
    private const int StateClosed = 2;
    private const int MaxBatch = 64;

    private readonly Func<MqttReceivedMessage, CancellationToken, ValueTask>? _handler;
    private readonly TimeProvider _time;
    private readonly MqttPacketCodec _codec;
    private readonly Random _jitter;
    private readonly Lock _gate = new();
    private readonly Channel<Outgoing> _queue;
    private readonly Channel<Incoming> _incoming;
    private readonly SemaphoreSlim _inFlightSlots;
    private readonly SemaphoreSlim _connectOnce = new(1, 1);
    private readonly Dictionary<ushort, Outgoing> _inFlight = [];
    private readonly Dictionary<string, MqttQualityOfService> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<ushort, bool> _qos2Received = [];
    private readonly CancellationTokenSource _closing = new();
    private Connection? _connection;
    private TaskCompletionSource _connectedSignal = NewSignal();
    private int _state;
    private ushort _lastPacketId;
    private long _sequence;
    private Task? _supervisor;
    private Task? _sender;
    private Task? _dispatcher;
    private long _reconnects;
    private long _received;
    private long _duplicates;
    private long _published;
    private long _redeliveries;
    private long _handlerFailures;

    /// <summary>Creates a client; nothing happens until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="messageHandler">Called once per received message, one at a time, in order; QoS 1 and 2 messages are acknowledged after it returns. Null discards messages.</param>
    /// <param name="timeProvider">The clock for keep-alive, timeouts and reconnect delays; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names every offending option.</exception>
    public MqttClient(
        MqttClientOptions options, Func<MqttReceivedMessage, CancellationToken, ValueTask>? messageHandler = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MQTT client options: " + string.Join(" ", errors), nameof(options));
        }

        Options = options;
        _handler = messageHandler;
        _time = timeProvider ?? TimeProvider.System;
        _codec = new MqttPacketCodec(options.MaxPacketSize);
        _jitter = new Random(options.ReconnectJitterSeed);
        _inFlightSlots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _queue = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(options.OutgoingQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _incoming = Channel.CreateBounded<Incoming>(new BoundedChannelOptions(options.IncomingQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Raised after each successful connect or reconnect (after resubscription and redelivery). Handlers must not block.</summary>
    public event EventHandler<MqttConnectedEventArgs>? Connected;

    /// <summary>Raised when an established connection ends, with the reason. Handlers must not block.</summary>
    public event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    /// <summary>The options this client was created with.</summary>
    public MqttClientOptions Options { get; }

    /// <summary>Whether a connection is currently established.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _connection is { IsClosed: false };
            }
        }
    }

    /// <summary>A snapshot of the counters.</summary>
    public MqttClientStatistics Statistics
    {
        get
        {
            int inFlight;
            lock (_gate)
            {
                inFlight = _inFlight.Count;
            }

            return new MqttClientStatistics(
                IsConnected,
                Interlocked.Read(ref _reconnects),
                Interlocked.Read(ref _received),
                Interlocked.Read(ref _duplicates),
                Interlocked.Read(ref _published),
                Interlocked.Read(ref _redeliveries),
                inFlight,
                _queue.Reader.Count,
                Interlocked.Read(ref _handlerFailures));
        }
    }

    /// <summary>The filters this client resubscribes after reconnecting without a session, with their requested QoS.</summary>
    public IReadOnlyDictionary<string, MqttQualityOfService> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, MqttQualityOfService>(_subscriptions, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Connects to the broker; from then on the client reconnects by itself when the connection is lost.</summary>
    /// <returns>Whether the broker resumed a stored session (CONNACK session present).</returns>
    /// <exception cref="MqttConnectException">The broker refused the connection (see <see cref="MqttConnectException.ReturnCode"/>), could not be reached, or did not answer within <see cref="MqttClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is already connected or was closed.</exception>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _connectOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                if (_state != StateNew)
                {
                    throw new InvalidOperationException(_state == StateClosed ? "The client was closed." : "The client is already connected.");
                }
            }

            var connection = await EstablishAsync(isReconnect: false, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _state = StateStarted;
            }

            _sender = Task.Run(SendLoopAsync, CancellationToken.None);
            _dispatcher = Task.Run(DispatchLoopAsync, CancellationToken.None);
            _supervisor = Task.Run(() => SuperviseAsync(connection), CancellationToken.None);
            return connection.SessionPresent;
        }
        finally
        {
            _connectOnce.Release();
        }
    }

    /// <summary>Subscribes to one topic filter and waits for SUBACK.</summary>
    /// <returns>The granted QoS, or <see cref="MqttSubscribeReturnCode.Failure"/> when the broker refused the filter.</returns>
    public async Task<MqttSubscribeReturnCode> SubscribeAsync(
        string topicFilter, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, CancellationToken cancellationToken = default) =>
        (await SubscribeAsync([new MqttSubscription(topicFilter, qos)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Subscribes to several topic filters in one SUBSCRIBE and waits for SUBACK; accepted filters are resubscribed after reconnects.</summary>
    /// <returns>One return code per filter, in order: the granted QoS or <see cref="MqttSubscribeReturnCode.Failure"/>.</returns>
    /// <exception cref="MqttClientException">The client is closed or the connection was lost before SUBACK; the caller may retry.</exception>
    public async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(IEnumerable<MqttSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var list = subscriptions.ToList();
        if (list.Count == 0 || list.Exists(s => s.Filter is null))
        {
            throw new ArgumentException("Subscribe needs at least one subscription, each with a filter.", nameof(subscriptions));
        }

        var connection = await WaitForConnectionAsync(cancellationToken, requireStarted: true).ConfigureAwait(false);
        return await SubscribeOnAsync(connection, list, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unsubscribes from topic filters and waits for UNSUBACK; they are no longer resubscribed after reconnects.</summary>
    /// <exception cref="MqttClientException">The client is closed or the connection was lost before UNSUBACK; the caller may retry.</exception>
    public async Task UnsubscribeAsync(IEnumerable<string> topicFilters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        var list = topicFilters.ToList();
        var connection = await WaitForConnectionAsync(cancellationToken, requireStarted: true).ConfigureAwait(false);
        lock (_gate)
        {
            // Forget them first: a reconnect while UNSUBSCRIBE is under way must not bring them back.
            foreach (var filter in list)
            {
                _subscriptions.Remove(filter);
            }
        }

        await RequestAsync(connection, id => new UnsubscribePacket(id, list), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unsubscribes from one topic filter and waits for UNSUBACK.</summary>
    public Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken = default) =>
        UnsubscribeAsync([topicFilter], cancellationToken);

    /// <summary>
    /// Publishes a message and waits until it is delivered: QoS 0 once written to the socket, QoS 1 once the broker's PUBACK arrives
    /// (across reconnects: an unacknowledged message is resent with DUP set). Waits for queue space when the outgoing queue is full.
    /// </summary>
    /// <exception cref="ArgumentException">The topic is not a valid topic name, or the packet exceeds <see cref="MqttClientOptions.MaxPacketSize"/>.</exception>
    /// <exception cref="NotSupportedException">QoS 2 publishing is not supported.</exception>
    /// <exception cref="MqttClientException">The client was closed before delivery was confirmed.</exception>
    public async Task PublishAsync(
        string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        var delivered = await EnqueueAsync(topic, payload, qos, retain, cancellationToken).ConfigureAwait(false);
        await delivered.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a message, waiting only for queue space (back-pressure), and returns a task that completes when it is delivered
    /// (see <see cref="PublishAsync"/>); lets one producer keep many messages in flight.
    /// </summary>
    public async ValueTask<Task> EnqueueAsync(
        string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        var item = CreateOutgoing(topic, payload, qos, retain);
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new MqttClientException("The client was closed.", e);
        }

        return item.Completion.Task;
    }

    /// <summary>Queues a message without waiting; returns false when the outgoing queue is full or the client is closed.</summary>
    public bool TryPublish(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool retain = false)
    {
        var item = CreateOutgoing(topic, payload, qos, retain);
        if (_queue.Writer.TryWrite(item))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Sends DISCONNECT (the broker then discards the will), closes the connection and stops reconnecting. Messages still queued or
    /// awaiting PUBACK fail with <see cref="MqttClientException"/>. The client cannot be reused.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        Connection? connection;
        lock (_gate)
        {
            if (_state == StateClosed)
            {
                return;
            }

            _state = StateClosed;
            connection = _connection;
            _connectedSignal.TrySetResult();
        }

        _queue.Writer.TryComplete();
        if (connection is { IsClosed: false })
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
                await connection.SendAsync(DisconnectPacket.Instance, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Best effort: the socket is closed below either way.
            }

            connection.Abort(MqttDisconnectReason.ClientDisconnected, null);
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _supervisor, _sender })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (_supervisor is null && connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _incoming.Writer.TryComplete();
        FailAllPending(new MqttClientException("The client was closed before the broker acknowledged the message."));
    }

    /// <summary>Same as <see cref="DisconnectAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await DisconnectAsync().ConfigureAwait(false);

    /// <summary>Closes the socket without DISCONNECT, as a crash would (the broker publishes the will); the client then reconnects.</summary>
    internal void AbortConnection()
    {
        Connection? connection;
        lock (_gate)
        {
            connection = _connection;
        }

        connection?.Abort(MqttDisconnectReason.ConnectionLost, new MqttClientException("The connection was aborted."));
    }

    /// <summary>The delay before reconnect attempt <paramref name="attempt"/> (0-based): min(Max, Min·2ⁿ) scaled by a jitter in [0.5, 1], never below Min.</summary>
    internal static TimeSpan Backoff(MqttClientOptions options, int attempt, Random random)
    {
        var min = (double)options.ReconnectDelayMin.Ticks;
        var max = (double)options.ReconnectDelayMax.Ticks;
        var ceiling = Math.Min(max, min * Math.Pow(2, Math.Min(attempt, 40)));
        var jittered = ceiling * (0.5 + (0.5 * random.NextDouble()));
        return TimeSpan.FromTicks((long)Math.Max(min, jittered));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Outgoing CreateOutgoing(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos, bool retain)
    {
        if (qos == MqttQualityOfService.ExactlyOnce)
        {
            throw new NotSupportedException("Publishing at QoS 2 is not supported; use QoS 1 (receiving QoS 2 is supported).");
        }

        var packet = new PublishPacket(topic, payload, qos, retain, packetId: qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : (ushort)1);
        var size = MqttPacketCodec.GetEncodedLength(packet);
        if (size > Options.MaxPacketSize)
        {
            throw new ArgumentException($"The {size}-byte PUBLISH exceeds MaxPacketSize ({Options.MaxPacketSize}).", nameof(payload));
        }

        return new Outgoing(packet);
    }

    private ConnectPacket BuildConnect() => new(
        Options.ClientId,
        Options.CleanSession,
        (ushort)Options.KeepAlive.TotalSeconds,
        Options.Will,
        Options.UserName,
        Options.Password is { } password ? new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(password)) : (ReadOnlyMemory<byte>?)null);

    private async Task<Connection> EstablishAsync(bool isReconnect, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _closing.Token);
        var token = linked.Token;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Connection? connection = null;
        try
        {
            await socket.ConnectAsync(Options.Host, Options.Port, token).ConfigureAwait(false);
            connection = new Connection(this, socket);
            await connection.SendAsync(BuildConnect(), token).ConfigureAwait(false);
            var packet = await connection.Reader.ReadPacketAsync(_codec, token).ConfigureAwait(false);
            if (packet is not ConnAckPacket ack)
            {
                throw new MqttConnectException(packet is null
                    ? "The broker closed the connection before CONNACK."
                    : $"The broker answered CONNECT with {packet.Type} instead of CONNACK.");
            }

            if (ack.ReturnCode != MqttConnectReturnCode.Accepted)
            {
                throw new MqttConnectException(ack.ReturnCode);
            }

            connection.SessionPresent = ack.SessionPresent;
            connection.Start();

            // Without a stored session the broker forgot our subscriptions: restore them before anything is published (§3.2.2.2).
            if (!ack.SessionPresent)
            {
                List<MqttSubscription> restore;
                lock (_gate)
                {
                    restore = [.. _subscriptions.Select(s => new MqttSubscription(s.Key, s.Value))];
                }

                if (restore.Count > 0)
                {
                    await SubscribeOnAsync(connection, restore, token).ConfigureAwait(false);
                }
            }

            // Resend every unacknowledged QoS 1 message, in its original order, with DUP set (§4.4).
            List<MqttPacket> resend;
            lock (_gate)
            {
                var pending = _inFlight.Values.OrderBy(o => o.Sequence).ToList();
                foreach (var o in pending)
                {
                    o.Packet = o.Packet.WithDelivery(o.Packet.PacketId, dup: true);
                }

                resend = [.. pending.Select(o => (MqttPacket)o.Packet)];
            }

            if (resend.Count > 0)
            {
                await connection.SendAsync(resend, token).ConfigureAwait(false);
                Interlocked.Add(ref _redeliveries, resend.Count);
            }

            lock (_gate)
            {
                if (_state == StateClosed || connection.IsClosed)
                {
                    throw new MqttConnectException("The connection closed while it was being established.");
                }

                _connection = connection;
                _connectedSignal.TrySetResult();
            }

            Raise(Connected, new MqttConnectedEventArgs(ack.SessionPresent, isReconnect));
            return connection;
        }
        catch (Exception e)
        {
            if (connection is not null)
            {
                connection.Abort(MqttDisconnectReason.ConnectionLost, e);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            var where = $"{Options.Host}:{Options.Port}";
            throw e switch
            {
                MqttConnectException => e,
                OperationCanceledException when timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested =>
                    new MqttConnectException($"Connecting to {where} timed out after {Options.ConnectTimeout}.", e),
                OperationCanceledException => e,
                MqttProtocolException => new MqttConnectException($"The broker at {where} sent invalid data while connecting: {e.Message}", e),
                SocketException or IOException or ObjectDisposedException or MqttClientException =>
                    new MqttConnectException($"Could not connect to {where}: {e.Message}", e),
                _ => e,
            };
        }
    }

    private async Task SuperviseAsync(Connection connection)
    {
        while (true)
        {
            var (reason, exception) = await connection.Closed.ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            Raise(Disconnected, new MqttDisconnectedEventArgs(reason, exception));
            if (_closing.IsCancellationRequested || reason == MqttDisconnectReason.ClientDisconnected)
            {
                return;
            }

            if (!Options.AutoReconnect)
            {
                lock (_gate)
                {
                    _state = StateClosed;
                    _connectedSignal.TrySetResult();
                }

                _queue.Writer.TryComplete();
                await _closing.CancelAsync().ConfigureAwait(false);
                _incoming.Writer.TryComplete();
                FailAllPending(new MqttClientException("The connection was lost and AutoReconnect is off.", exception));
                return;
            }

            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await Task.Delay(Backoff(Options, attempt, _jitter), _time, _closing.Token).ConfigureAwait(false);
                    connection = await EstablishAsync(isReconnect: true, _closing.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _reconnects);
                    break;
                }
                catch (OperationCanceledException) when (_closing.IsCancellationRequested)
                {
                    return;
                }
                catch (MqttConnectException)
                {
                    // Keep trying with a longer delay.
                }
            }
        }
    }

    private async Task SendLoopAsync()
    {
        var token = _closing.Token;
        var batch = new List<Outgoing>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                var connection = await WaitForConnectionAsync(token).ConfigureAwait(false);
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryPeek(out var next))
                {
                    if (next.Packet.Qos != MqttQualityOfService.AtMostOnce)
                    {
                        if (!_inFlightSlots.Wait(0))
                        {
                            if (batch.Count > 0)
                            {
                                break;
                            }

                            await _inFlightSlots.WaitAsync(token).ConfigureAwait(false);
                        }

                        _queue.Reader.TryRead(out _);
                        lock (_gate)
                        {
                            var id = AllocatePacketId(_connection);
                            next.Packet = next.Packet.WithDelivery(id, dup: false);
                            next.Sequence = ++_sequence;
                            _inFlight[id] = next;
                        }
                    }
                    else
                    {
                        _queue.Reader.TryRead(out _);
                    }

                    batch.Add(next);
                }

                try
                {
                    await connection.SendAsync(batch.Select(b => (MqttPacket)b.Packet), token).ConfigureAwait(false);
                    foreach (var sent in batch)
                    {
                        if (sent.Packet.Qos == MqttQualityOfService.AtMostOnce)
                        {
                            Interlocked.Increment(ref _published);
                            sent.Completion.TrySetResult();
                        }
                    }
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    // QoS 1 messages stay in flight and are resent after the reconnect; QoS 0 messages are lost (at most once).
                    foreach (var lost in batch.Where(b => b.Packet.Qos == MqttQualityOfService.AtMostOnce))
                    {
                        lost.Completion.TrySetException(new MqttClientException("The connection was lost before the QoS 0 message was written.", e));
                    }

                    connection.Abort(MqttDisconnectReason.ConnectionLost, e);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Closing.
        }
        catch (MqttClientException) when (Volatile.Read(ref _state) == StateClosed)
        {
            // Closing.
        }
        finally
        {
            var closed = new MqttClientException("The client was closed before the message was sent.");
            foreach (var item in batch.Where(b => b.Packet.Qos == MqttQualityOfService.AtMostOnce))
            {
                item.Completion.TrySetException(closed);
            }
        }
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (var item in _incoming.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (Volatile.Read(ref _state) == StateClosed)
            {
                continue;
            }

            Interlocked.Increment(ref _received);
            if (item.Message.Dup)
            {
                Interlocked.Increment(ref _duplicates);
            }

            if (_handler is not null)
            {
                try
                {
                    await _handler(item.Message, _closing.Token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failing handler must not stop delivery; it is counted instead.
                catch (Exception)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref _handlerFailures);
                }
            }

            switch (item.Message.Qos)
            {
                case MqttQualityOfService.AtLeastOnce:
                    item.Connection.TrySend(new PubAckPacket(item.PacketId));
                    break;
                case MqttQualityOfService.ExactlyOnce:
                    lock (_gate)
                    {
                        _qos2Received[item.PacketId] = true;
                    }

                    item.Connection.TrySend(new PubRecPacket(item.PacketId));
                    break;
            }
        }
    }

    private async ValueTask OnPacketAsync(Connection connection, MqttPacket packet)
    {
        switch (packet)
        {
            case PublishPacket publish:
                {
                    if (publish.Qos == MqttQualityOfService.ExactlyOnce)
                    {
                        bool? handled;
                        lock (_gate)
                        {
                            handled = _qos2Received.TryGetValue(publish.PacketId, out var h) ? h : null;
                            if (handled is null)
                            {
                                _qos2Received[publish.PacketId] = false;
                            }
                        }

                        if (handled is true)
                        {
                            connection.TrySend(new PubRecPacket(publish.PacketId));
                        }

                        if (handled is not null)
                        {
                            return; // Already delivered once (method B of §4.3.3): do not deliver again.
                        }
                    }

                    var item = new Incoming(
                        new MqttReceivedMessage(publish.Topic, publish.Payload, publish.Qos, publish.Retain, publish.Dup), connection, publish.PacketId);
                    if (!_incoming.Writer.TryWrite(item))
                    {
                        connection.ReaderBlocked = true;
                        try
                        {
                            await _incoming.Writer.WriteAsync(item, connection.Token).ConfigureAwait(false);
                        }
                        finally
                        {
                            connection.ReaderBlocked = false;
                        }
                    }

                    break;
                }

            case PubAckPacket ack:
                {
                    Outgoing? done;
                    lock (_gate)
                    {
                        _inFlight.Remove(ack.PacketId, out done);
                    }

                    if (done is not null)
                    {
                        _inFlightSlots.Release();
                        Interlocked.Increment(ref _published);
                        done.Completion.TrySetResult();
                    }

                    break;
                }

            case SubAckPacket or UnsubAckPacket:
                {
                    var id = packet is SubAckPacket s ? s.PacketId : ((UnsubAckPacket)packet).PacketId;
                    TaskCompletionSource<MqttPacket>? waiter;
                    lock (_gate)
                    {
                        connection.Pending.Remove(id, out waiter);
                    }

                    waiter?.TrySetResult(packet);
                    break;
                }

            case PubRelPacket release:
                lock (_gate)
                {
                    _qos2Received.Remove(release.PacketId);
                }

                await connection.SendAsync(new PubCompPacket(release.PacketId), connection.Token).ConfigureAwait(false);
                break;
            case PingRespPacket:
                break;
            case PubRecPacket or PubCompPacket:
                break; // We never publish at QoS 2; ignore stray acknowledgments.
            default:
                throw new MqttProtocolException(MqttProtocolErrorCode.MalformedPacket, $"A broker must not send {packet.Type}.");
        }
    }

    private async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeOnAsync(Connection connection, List<MqttSubscription> list, CancellationToken cancellationToken)
    {
        var answer = await RequestAsync(connection, id => new SubscribePacket(id, list), cancellationToken).ConfigureAwait(false);
        if (answer is not SubAckPacket ack || ack.ReturnCodes.Length != list.Count)
        {
            connection.Abort(MqttDisconnectReason.ProtocolError, null);
            throw new MqttClientException($"The broker answered SUBSCRIBE with {answer}, which does not match the {list.Count} requested filters.");
        }

        lock (_gate)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (ack.ReturnCodes[i] != MqttSubscribeReturnCode.Failure)
                {
                    _subscriptions[list[i].Filter] = list[i].Qos;
                }
            }
        }

        return ack.ReturnCodes;
    }

    private async Task<MqttPacket> RequestAsync(Connection connection, Func<ushort, MqttPacket> create, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        ushort id;
        lock (_gate)
        {
            if (connection.IsClosed)
            {
                throw new MqttClientException("The connection was lost; retry once reconnected.");
            }

            id = AllocatePacketId(connection);
            connection.Pending[id] = waiter;
        }

        try
        {
            await connection.SendAsync(create(id), cancellationToken).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new MqttClientException("The connection was lost before the broker answered; retry once reconnected.", e);
        }
        finally
        {
            lock (_gate)
            {
                connection.Pending.Remove(id);
            }
        }
    }

    private async Task<Connection> WaitForConnectionAsync(CancellationToken cancellationToken, bool requireStarted = false)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_state == StateClosed)
                {
                    throw new MqttClientException("The client was closed.");
                }

                if (requireStarted && _state == StateNew)
                {
                    throw new InvalidOperationException("Call ConnectAsync first.");
                }

                if (_connection is { IsClosed: false } connection)
                {
                    return connection;
                }

                signal = _connectedSignal.Task;
            }

            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Called under _gate.
    private ushort AllocatePacketId(Connection? connection)
    {
        for (var i = 0; i < ushort.MaxValue; i++)
        {
            _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
            if (!_inFlight.ContainsKey(_lastPacketId) && (connection is null || !connection.Pending.ContainsKey(_lastPacketId)))
            {
                return _lastPacketId;
            }
        }

        throw new InvalidOperationException("All 65,535 packet identifiers are in use.");
    }

    // Called by a connection when it closes, under _gate.
    private void OnConnectionClosed(Connection connection, Exception failure)
    {
        if (ReferenceEquals(_connection, connection))
        {
            _connection = null;
            _connectedSignal = NewSignal();
            if (_state == StateClosed)
            {
                _connectedSignal.TrySetResult();
            }
        }

        foreach (var waiter in connection.Pending.Values)
        {
            waiter.TrySetException(failure);
        }

        connection.Pending.Clear();
    }

    private void FailAllPending(MqttClientException failure)
    {
        List<Outgoing> inFlight;
        lock (_gate)
        {
            inFlight = [.. _inFlight.Values];
            _inFlight.Clear();
        }

        foreach (var item in inFlight)
        {
            item.Completion.TrySetException(failure);
        }

        while (_queue.Reader.TryRead(out var queued))
        {
            queued.Completion.TrySetException(failure);
        }
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
#pragma warning disable CA1031 // Event handlers belong to the application; their failures must not break the connection logic.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class Outgoing(PublishPacket packet)
    {
        public PublishPacket Packet { get; set; } = packet;

        public long Sequence { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Incoming(MqttReceivedMessage Message, Connection Connection, ushort PacketId);
}
