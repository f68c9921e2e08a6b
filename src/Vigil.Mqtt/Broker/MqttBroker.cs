using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Broker;

/// <summary>
/// An embedded MQTT 3.1.1 broker (OASIS MQTT Version 3.1.1, OASIS Standard, 29 October 2014; ISO/IEC 20922:2016): QoS 0 and 1 to
/// subscribers (QoS 2 publishes are accepted with the PUBREC/PUBREL/PUBCOMP handshake and delivered at QoS 1 at most), <c>+</c>/<c>#</c>
/// wildcards, retained messages, last wills, keep-alive, and clean or persistent sessions held in memory.
/// </summary>
/// <remarks>
/// <para>
/// Each connection runs a read loop and a write loop over System.IO.Pipelines. Publishing only enqueues into the bounded queue of each
/// matching session, so a slow subscriber never blocks a publisher: its queue fills, and then its oldest QoS 0 messages (else its
/// oldest QoS 1 messages) are dropped and counted. A malformed or unexpected packet closes only the connection that sent it (§4.8).
/// </para>
/// <para>
/// Behaviour by the specification: CONNECT must be the first packet [MQTT-3.1.0-1] and only once [MQTT-3.1.0-2]; protocol level 4
/// or CONNACK 0x01 [MQTT-3.1.2-2]; an empty client identifier is assigned one with a clean session [MQTT-3.1.3-6] and refused with
/// 0x02 without [MQTT-3.1.3-8]; a second connection with the same identifier takes the session over and closes the first
/// [MQTT-3.1.4-2]; the session-present flag reports a resumed persistent session [MQTT-3.2.2-2]; unacknowledged QoS 1 messages are
/// re-sent with DUP and their original identifiers when a persistent session reconnects [MQTT-4.4.0-1]; retained messages are
/// replaced per topic, deleted by an empty payload [MQTT-3.3.1-10] and sent with RETAIN set on subscribe [MQTT-3.3.1-6] but with it
/// cleared on established subscriptions [MQTT-3.3.1-9]; wildcard filters never match '$' topics at their first level [MQTT-4.7.2-1];
/// the will is published when the connection closes without DISCONNECT — socket loss, keep-alive timeout, protocol error or
/// takeover — and discarded after DISCONNECT [MQTT-3.14.4-3]; a client silent for 1.5 keep-alive periods is disconnected
/// [MQTT-3.1.2-24].
/// </para>
/// </remarks>
public sealed class MqttBroker : IAsyncDisposable
{
    private readonly Lock _sessionsGate = new();
    private readonly Dictionary<string, BrokerSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<BrokerConnection, byte> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lifecycleGate = new();
    private BrokerSession[] _sessionArray = [];
    private Socket? _listener;
    private IPEndPoint? _localEndPoint;
    private Task? _acceptLoop;
    private Task? _stopTask;
    private long _nextClientNumber;
    private long _connectionsAccepted;
    private long _connectionsRejected;
    private long _messagesReceived;
    private long _messagesSent;
    private long _messagesDropped;
    private long _protocolErrors;
    private long _keepAliveTimeouts;
    private int _connectedClients;

    /// <summary>Creates a broker; call <see cref="StartAsync"/> to listen.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The clock of keep-alive and connect timeouts; default <see cref="TimeProvider.System"/>.</param>
    public MqttBroker(MqttBrokerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = timeProvider ?? TimeProvider.System;
        Codec = new MqttPacketCodec(options.MaxPacketSize);
        Retained = new RetainedMessageStore(options.MaxRetainedMessages);
    }

    /// <summary>Raised (synchronously, on the connection's loop) when a client's CONNECT has been accepted.</summary>
    public event EventHandler<MqttClientConnectedEventArgs>? ClientConnected;

    /// <summary>Raised when an accepted client's connection has closed.</summary>
    public event EventHandler<MqttClientDisconnectedEventArgs>? ClientDisconnected;

    /// <summary>Raised after a SUBSCRIBE has been applied and answered.</summary>
    public event EventHandler<MqttClientSubscribedEventArgs>? ClientSubscribed;

    /// <summary>The options.</summary>
    public MqttBrokerOptions Options { get; }

    /// <summary>The bound address and port (the real port when <see cref="MqttBrokerOptions.Port"/> is 0).</summary>
    /// <exception cref="InvalidOperationException">The broker has not been started.</exception>
    public IPEndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The broker has not been started.");

    /// <summary>Whether the broker is listening.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lifecycleGate)
            {
                return _acceptLoop is not null && _stopTask is null;
            }
        }
    }

    internal TimeProvider Time { get; }

    internal MqttPacketCodec Codec { get; }

    internal RetainedMessageStore Retained { get; }

    /// <summary>Binds the listening socket and starts accepting connections; returns once listening.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    /// <exception cref="InvalidOperationException">The broker was already started or stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lifecycleGate)
        {
            if (_acceptLoop is not null || _stopTask is not null)
            {
                throw new InvalidOperationException("An MqttBroker starts once; create a new one to listen again.");
            }

            var listener = new Socket(Options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (Options.BindAddress.Equals(IPAddress.IPv6Any))
                {
                    listener.DualMode = true;
                }

                listener.Bind(new IPEndPoint(Options.BindAddress, Options.Port));
                listener.Listen(512);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            _listener = listener;
            _localEndPoint = (IPEndPoint)listener.LocalEndPoint!;
            _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops listening and closes every connection without publishing wills (the broker, not the clients, is going away), then
    /// discards all sessions and retained messages. Idempotent.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_lifecycleGate)
        {
            _stopTask ??= StopCoreAsync();
        }

        return _stopTask.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the broker (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>A snapshot of the broker's counters.</summary>
    public MqttBrokerStatistics GetStatistics()
    {
        var sessions = Volatile.Read(ref _sessionArray);
        var subscriptions = 0;
        foreach (var session in sessions)
        {
            subscriptions += session.SubscriptionCount;
        }

        return new MqttBrokerStatistics(
            ConnectionsAccepted: Interlocked.Read(ref _connectionsAccepted),
            ConnectionsRejected: Interlocked.Read(ref _connectionsRejected),
            CurrentConnections: _connections.Count,
            ConnectedClients: Volatile.Read(ref _connectedClients),
            MessagesReceived: Interlocked.Read(ref _messagesReceived),
            MessagesSent: Interlocked.Read(ref _messagesSent),
            MessagesDropped: Interlocked.Read(ref _messagesDropped),
            RetainedMessages: Retained.Count,
            Sessions: sessions.Length,
            Subscriptions: subscriptions,
            ProtocolErrors: Interlocked.Read(ref _protocolErrors),
            KeepAliveTimeouts: Interlocked.Read(ref _keepAliveTimeouts));
    }

    /// <summary>Publishes a message from inside the process, routed exactly like a client's PUBLISH (retained if asked).</summary>
    /// <param name="topic">A valid topic name (no wildcards).</param>
    /// <param name="payload">The message body.</param>
    /// <param name="qos">The publish QoS; subscribers receive the lower of it and their granted QoS.</param>
    /// <param name="retain">Whether to store the message as the topic's retained message (an empty payload deletes it).</param>
    public void Publish(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false)
    {
        var packet = new PublishPacket(topic, payload, qos, retain, dup: false, packetId: qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : (ushort)1);
        CountReceived();
        Route(packet);
    }

    /// <summary>The number of messages waiting in a session's queue and in flight, or null when there is no such session (for tests).</summary>
    internal (int Queued, int Inflight)? GetSessionBacklog(string clientId)
    {
        lock (_sessionsGate)
        {
            return _sessions.TryGetValue(clientId, out var session) ? (session.QueuedCount, session.InflightCount) : null;
        }
    }

    /// <summary>Stores a retained message if flagged, then queues the message for every session with a matching subscription.</summary>
    internal void Route(PublishPacket message)
    {
        if (message.Retain)
        {
            Retained.Set(message);
        }

        // [MQTT-3.3.1-9]: RETAIN is cleared when forwarding to established subscriptions.
        var forward = message.WithRetain(false);
        foreach (var session in Volatile.Read(ref _sessionArray))
        {
            if (session.MatchQos(message.Topic) is not { } max)
            {
                continue;
            }

            var qos = max < message.Qos ? max : message.Qos;
            CountDropped(session.Enqueue(forward, qos));
        }
    }

    internal async Task<ConnectOutcome> ConnectAsync(BrokerConnection connection, ConnectPacket connect, CancellationToken cancellationToken)
    {
        if (Options.Authenticator is { } authenticate)
        {
            MqttConnectReturnCode code;
            try
            {
                code = await authenticate(
                    new MqttAuthenticationRequest(connect.ClientId, connect.UserName, connect.Password, connection.RemoteEndPoint), cancellationToken)
                    .ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A throwing authenticator refuses the client instead of crashing the broker.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                code = MqttConnectReturnCode.ServerUnavailable;
            }

            if (code != MqttConnectReturnCode.Accepted)
            {
                return new ConnectOutcome(code, null, false);
            }
        }

        BrokerConnection? previous = null;
        BrokerSession session;
        bool present;
        lock (_sessionsGate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return new ConnectOutcome(MqttConnectReturnCode.ServerUnavailable, null, false);
            }

            var clientId = connect.ClientId;
            if (clientId.Length == 0)
            {
                // [MQTT-3.1.3-6]: a zero-length identifier with a clean session gets a unique one from the server.
                do
                {
                    clientId = $"vigil-auto-{++_nextClientNumber}";
                }
                while (_sessions.ContainsKey(clientId));
            }

            _sessions.TryGetValue(clientId, out var existing);
            if (existing is not null)
            {
                lock (existing.Gate)
                {
                    previous = existing.Connection;
                    existing.Connection = null;
                }
            }

            // [MQTT-3.1.2-4]: CleanSession 0 resumes the stored session; [MQTT-3.1.2-6]: CleanSession 1 discards it.
            // A clean session whose connection is being taken over is not stored state, so it is not resumed either.
            if (existing is not null && !connect.CleanSession && !existing.CleanSession)
            {
                session = existing;
                present = true;
            }
            else
            {
                session = new BrokerSession(clientId, connect.CleanSession, Options.MaxQueuedMessages, Options.MaxInflightMessages);
                _sessions[clientId] = session;
                present = false;
                RebuildSessionArray();
            }

            lock (session.Gate)
            {
                session.Connection = connection;
            }
        }

        // [MQTT-3.1.4-2]: the existing client with this identifier is disconnected (without DISCONNECT, so its will is published).
        previous?.Abort("taken over by a new connection with the same client identifier ([MQTT-3.1.4-2])", publishWill: true);
        return new ConnectOutcome(MqttConnectReturnCode.Accepted, session, present);
    }

    /// <summary>Publishes the will if given and detaches the session; a clean session is discarded. Returns whether a will was published.</summary>
    internal bool OnConnectionClosed(BrokerConnection connection, BrokerSession session, MqttWill? will)
    {
        if (will is not null)
        {
            Route(new PublishPacket(will.Topic, will.Payload, will.Qos, will.Retain, dup: false, packetId: will.Qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : (ushort)1));
        }

        lock (_sessionsGate)
        {
            lock (session.Gate)
            {
                if (session.Connection != connection)
                {
                    return will is not null;
                }

                session.Connection = null;
            }

            // [MQTT-3.1.2-6]: a clean session lasts as long as its network connection.
            if (session.CleanSession && _sessions.TryGetValue(session.ClientId, out var current) && current == session)
            {
                _sessions.Remove(session.ClientId);
                RebuildSessionArray();
            }
        }

        return will is not null;
    }

    internal void OnConnected(BrokerConnection connection, BrokerSession session, bool cleanSession, bool sessionPresent)
    {
        Interlocked.Increment(ref _connectedClients);
        Raise(ClientConnected, new MqttClientConnectedEventArgs(session.ClientId, connection.RemoteEndPoint, cleanSession, sessionPresent));
    }

    internal void OnSubscribed(BrokerSession session, IReadOnlyList<MqttSubscription> granted) =>
        Raise(ClientSubscribed, new MqttClientSubscribedEventArgs(session.ClientId, granted));

    internal void OnClosed(BrokerConnection connection, BrokerSession? session, string reason, bool clean, bool willPublished)
    {
        _connections.TryRemove(connection, out _);
        if (session is not null)
        {
            Interlocked.Decrement(ref _connectedClients);
            Raise(ClientDisconnected, new MqttClientDisconnectedEventArgs(session.ClientId, reason, clean, willPublished));
        }
    }

    internal void CountReceived() => Interlocked.Increment(ref _messagesReceived);

    internal void CountSent(int count) => Interlocked.Add(ref _messagesSent, count);

    internal void CountDropped(int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _messagesDropped, count);
        }
    }

    internal void CountProtocolError() => Interlocked.Increment(ref _protocolErrors);

    internal void CountKeepAliveTimeout() => Interlocked.Increment(ref _keepAliveTimeouts);

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, args);
        }
#pragma warning disable CA1031 // A subscriber's bug must not break the connection that raised the event.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void RebuildSessionArray() => Volatile.Write(ref _sessionArray, [.. _sessions.Values]);

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!cancellationToken.IsCancellationRequested)
            {
                // A connection reset before accept completed; keep listening.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            if (_connections.Count >= Options.MaxConnections)
            {
                Interlocked.Increment(ref _connectionsRejected);
                socket.Dispose();
                continue;
            }

            BrokerConnection connection;
            try
            {
                socket.NoDelay = true;
                connection = new BrokerConnection(this, socket);
            }
            catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
            {
                // Reset between accept and setup: nothing to serve.
                socket.Dispose();
                continue;
            }

            Interlocked.Increment(ref _connectionsAccepted);
            _connections[connection] = 0;
            _ = Task.Run(connection.RunAsync, CancellationToken.None);
        }
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Socket? listener;
        Task? acceptLoop;
        lock (_lifecycleGate)
        {
            listener = _listener;
            acceptLoop = _acceptLoop;
        }

        listener?.Dispose();
        if (acceptLoop is not null)
        {
            await acceptLoop.ConfigureAwait(false);
        }

        var open = _connections.Keys.ToArray();
        foreach (var connection in open)
        {
            connection.Abort("broker stopping", publishWill: false);
        }

        await Task.WhenAll(open.Select(c => c.Completion)).ConfigureAwait(false);
        lock (_sessionsGate)
        {
            _sessions.Clear();
            RebuildSessionArray();
        }

        Retained.Clear();
    }
}

/// <summary>The broker's answer to a CONNECT: the return code and, when accepted, the attached session.</summary>
internal readonly record struct ConnectOutcome(MqttConnectReturnCode ReturnCode, BrokerSession? Session, bool SessionPresent);
