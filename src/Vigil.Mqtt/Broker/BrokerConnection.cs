using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Broker;

/// <summary>
/// One client network connection: a read loop that decodes packets from a <see cref="PipeReader"/> and acts on them, and a write
/// loop that drains control packets (CONNACK, PUBACK, SUBACK, ...) and then the session's queued messages into a
/// <see cref="PipeWriter"/>. The two loops share nothing but a wake signal and a bounded control queue, so a client that does not
/// read its socket only stalls its own write loop (and, once 64 answers are pending, its own read loop); publishers only enqueue.
/// </summary>
internal sealed class BrokerConnection
{
    private const int ControlQueueLimit = 64;
    private const int WriteBatchBytes = 64 * 1024;

    private readonly MqttBroker _broker;
    private readonly Socket _socket;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentQueue<MqttPacket> _control = new();
    private readonly SemaphoreSlim _controlCredits = new(ControlQueueLimit, ControlQueueLimit);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _closeGate = new();
    private readonly ITimer _connectTimer;
    private ITimer? _keepAliveTimer;
    private TimeSpan _keepAliveGrace;
    private BrokerSession? _session;
    private MqttWill? _will;
    private string? _closeReason;
    private bool _publishWill = true;
    private bool _cleanDisconnect;

    public BrokerConnection(MqttBroker broker, Socket socket)
    {
        _broker = broker;
        _socket = socket;
        RemoteEndPoint = socket.RemoteEndPoint;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));

        // Started here, on the accept loop, so the clock of a connection begins when it is accepted.
        _connectTimer = broker.Time.CreateTimer(
            static s => ((BrokerConnection)s!).Abort("no CONNECT within the connect timeout", publishWill: false),
            this,
            broker.Options.ConnectTimeout,
            Timeout.InfiniteTimeSpan);
    }

    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Completes (never faults) when the connection has closed and its session is detached.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Tells the write loop there is something to send; cheap and never blocks.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Closes the connection from outside its loops (takeover, keep-alive timeout, broker stop).</summary>
    public void Abort(string reason, bool publishWill)
    {
        lock (_closeGate)
        {
            _closeReason ??= reason;
            _publishWill &= publishWill;
        }

        try
        {
            // Callbacks run on the thread pool: the caller may hold a timer or be another connection's loop.
            _ = _cts.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Runs the connection to its end; never throws.</summary>
    public async Task RunAsync()
    {
        var ct = _cts.Token;
        Task? writeLoop = null;
        try
        {
            var connect = await ReadConnectAsync(ct).ConfigureAwait(false);
            _connectTimer.Dispose();
            if (connect is null)
            {
                return;
            }

            var outcome = await _broker.ConnectAsync(this, connect, ct).ConfigureAwait(false);
            _session = outcome.Session;
            if (_session is null)
            {
                await SendAndFlushAsync(new ConnAckPacket(outcome.ReturnCode), ct).ConfigureAwait(false);
                SetReason($"CONNECT refused with CONNACK {(byte)outcome.ReturnCode} ({outcome.ReturnCode})");
                return;
            }

            _will = connect.Will;
            if (connect.KeepAliveSeconds > 0)
            {
                // [MQTT-3.1.2-24]: silence for one and a half keep-alive periods (the configured factor) closes the connection.
                _keepAliveGrace = TimeSpan.FromSeconds(connect.KeepAliveSeconds * _broker.Options.KeepAliveGraceFactor);
                _keepAliveTimer = _broker.Time.CreateTimer(
                    static s => ((BrokerConnection)s!).OnKeepAliveExpired(), this, _keepAliveGrace, Timeout.InfiniteTimeSpan);
            }

            _broker.OnConnected(this, _session, connect.CleanSession, outcome.SessionPresent);

            // [MQTT-3.2.0-1]: CONNACK is the first packet to the client; the write loop (and so any PUBLISH) starts after it.
            await SendAndFlushAsync(new ConnAckPacket(MqttConnectReturnCode.Accepted, outcome.SessionPresent), ct).ConfigureAwait(false);
            writeLoop = WriteLoopAsync(ct);
            await ReadLoopAsync(_session, ct).ConfigureAwait(false);
        }
        catch (MqttProtocolException ex)
        {
            _broker.CountProtocolError();
            SetReason($"protocol error: {ex.Error}");
        }
        catch (OperationCanceledException)
        {
            SetReason("cancelled");
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            SetReason($"network error: {ex.Message}");
        }
#pragma warning disable CA1031 // A broker must survive a bug in one connection; the reason is reported in ClientDisconnected.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SetReason($"internal error: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            await CloseAsync(writeLoop).ConfigureAwait(false);
            _completion.TrySetResult();
        }
    }

    private async Task<ConnectPacket?> ReadConnectAsync(CancellationToken ct)
    {
        MqttPacket? first;
        try
        {
            first = await _reader.ReadPacketAsync(_broker.Codec, ct).ConfigureAwait(false);
        }
        catch (MqttProtocolException ex) when (ex.Error.Code is MqttProtocolErrorCode.UnsupportedProtocolLevel or MqttProtocolErrorCode.UnsupportedProtocolName)
        {
            // [MQTT-3.1.2-2]: an unsupported protocol level is answered with CONNACK 0x01, then the connection is closed.
            await SendAndFlushAsync(new ConnAckPacket(MqttConnectReturnCode.UnacceptableProtocolVersion), ct).ConfigureAwait(false);
            SetReason($"CONNECT refused with CONNACK 1: {ex.Error.Message}");
            return null;
        }
        catch (MqttProtocolException ex) when (ex.Error.Code is MqttProtocolErrorCode.ClientIdRejected)
        {
            // [MQTT-3.1.3-8]: an empty client identifier with clean session 0 is answered with CONNACK 0x02, then closed.
            await SendAndFlushAsync(new ConnAckPacket(MqttConnectReturnCode.IdentifierRejected), ct).ConfigureAwait(false);
            SetReason($"CONNECT refused with CONNACK 2: {ex.Error.Message}");
            return null;
        }

        switch (first)
        {
            case null:
                SetReason("closed before CONNECT");
                return null;
            case ConnectPacket connect:
                return connect;
            default:
                // [MQTT-3.1.0-1]: the first packet from the client must be CONNECT; anything else closes the connection.
                _broker.CountProtocolError();
                SetReason($"protocol error: first packet was {first.Type}, not CONNECT ([MQTT-3.1.0-1])");
                return null;
        }
    }

    private async Task ReadLoopAsync(BrokerSession session, CancellationToken ct)
    {
        while (true)
        {
            var packet = await _reader.ReadPacketAsync(_broker.Codec, ct).ConfigureAwait(false);
            if (packet is null)
            {
                SetReason("connection lost: closed by the client without DISCONNECT");
                return;
            }

            _keepAliveTimer?.Change(_keepAliveGrace, Timeout.InfiniteTimeSpan);
            switch (packet)
            {
                case PublishPacket publish:
                    await OnPublishAsync(session, publish, ct).ConfigureAwait(false);
                    break;
                case PubAckPacket ack:
                    if (session.Acknowledge(ack.PacketId))
                    {
                        Wake();
                    }

                    break;
                case PubRelPacket release:
                    session.ReleaseIncomingQos2(release.PacketId);
                    await SendControlAsync(new PubCompPacket(release.PacketId), ct).ConfigureAwait(false);
                    break;
                case SubscribePacket subscribe:
                    await OnSubscribeAsync(session, subscribe, ct).ConfigureAwait(false);
                    break;
                case UnsubscribePacket unsubscribe:
                    foreach (var filter in unsubscribe.TopicFilters)
                    {
                        session.Unsubscribe(filter);
                    }

                    // [MQTT-3.10.4-4], [MQTT-3.10.4-5]: UNSUBACK even when no filter matched.
                    await SendControlAsync(new UnsubAckPacket(unsubscribe.PacketId), ct).ConfigureAwait(false);
                    break;
                case PingReqPacket:
                    // [MQTT-3.12.4-1].
                    await SendControlAsync(PingRespPacket.Instance, ct).ConfigureAwait(false);
                    break;
                case DisconnectPacket:
                    // [MQTT-3.14.4-3]: discard the will without publishing it; the server closes the connection.
                    lock (_closeGate)
                    {
                        _publishWill = false;
                        _cleanDisconnect = true;
                    }

                    SetReason("DISCONNECT");
                    return;
                case ConnectPacket:
                    // [MQTT-3.1.0-2]: a second CONNECT is a protocol violation.
                    throw new MqttProtocolException(MqttProtocolErrorCode.MalformedPacket, "A second CONNECT on one connection ([MQTT-3.1.0-2]).");
                default:
                    // CONNACK, SUBACK, UNSUBACK and PINGRESP only flow server to client; PUBREC and PUBCOMP answer a QoS 2
                    // PUBLISH from the server, which this broker never sends (it grants QoS 1 at most).
                    throw new MqttProtocolException(MqttProtocolErrorCode.MalformedPacket, $"A client may not send {packet.Type} to this broker.");
            }
        }
    }

    private async Task OnPublishAsync(BrokerSession session, PublishPacket publish, CancellationToken ct)
    {
        _broker.CountReceived();
        switch (publish.Qos)
        {
            case MqttQualityOfService.AtMostOnce:
                _broker.Route(publish);
                break;
            case MqttQualityOfService.AtLeastOnce:
                // PUBACK after routing: the message is in every matching session's queue (§4.3.2).
                _broker.Route(publish);
                await SendControlAsync(new PubAckPacket(publish.PacketId), ct).ConfigureAwait(false);
                break;
            default:
                // QoS 2, method B of §4.3.3: route on PUBLISH, remember the identifier until PUBREL so a redelivery is not routed twice.
                if (session.BeginIncomingQos2(publish.PacketId))
                {
                    _broker.Route(publish);
                }

                await SendControlAsync(new PubRecPacket(publish.PacketId), ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnSubscribeAsync(BrokerSession session, SubscribePacket subscribe, CancellationToken ct)
    {
        var codes = new MqttSubscribeReturnCode[subscribe.Subscriptions.Length];
        var granted = new MqttSubscription[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var requested = subscribe.Subscriptions[i];

            // §3.9.3: the server may grant a lower QoS than requested; this broker supports QoS 0 and 1 outbound.
            var qos = requested.Qos > MqttQualityOfService.AtLeastOnce ? MqttQualityOfService.AtLeastOnce : requested.Qos;
            session.Subscribe(requested.Filter, qos);
            codes[i] = (MqttSubscribeReturnCode)qos;
            granted[i] = new MqttSubscription(requested.Filter, qos);
        }

        // [MQTT-3.8.4-1], [MQTT-3.8.4-4]: one SUBACK for the whole packet, codes in order.
        await SendControlAsync(new SubAckPacket(subscribe.PacketId, codes), ct).ConfigureAwait(false);

        // [MQTT-3.3.1-6], [MQTT-3.8.4-3]: matching retained messages go out with RETAIN set, at the lower of their QoS and the grant;
        // a topic matched by several filters of this packet is sent once.
        Dictionary<string, QueuedMessage>? retained = null;
        foreach (var subscription in granted)
        {
            foreach (var message in _broker.Retained.Matching(subscription.Filter))
            {
                retained ??= new Dictionary<string, QueuedMessage>(StringComparer.Ordinal);
                var qos = message.Qos < subscription.Qos ? message.Qos : subscription.Qos;
                if (!retained.TryGetValue(message.Topic, out var existing) || existing.Qos < qos)
                {
                    retained[message.Topic] = new QueuedMessage(message, qos);
                }
            }
        }

        if (retained is not null)
        {
            foreach (var queued in retained.Values)
            {
                _broker.CountDropped(session.Enqueue(queued.Message, queued.Qos));
            }
        }

        _broker.OnSubscribed(session, granted);
    }

    private async Task SendControlAsync(MqttPacket packet, CancellationToken ct)
    {
        // Back-pressure: a client that does not read its answers stops being read once 64 are pending.
        await _controlCredits.WaitAsync(ct).ConfigureAwait(false);
        _control.Enqueue(packet);
        Wake();
    }

    private async Task SendAndFlushAsync(MqttPacket packet, CancellationToken ct)
    {
        MqttPacketCodec.Encode(packet, _writer);
        await _writer.FlushAsync(ct).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        // Runs concurrently with the read loop from here on.
        await Task.Yield();
        var batch = new List<PublishPacket>();
        var resendInflight = true;
        try
        {
            while (true)
            {
                var wrote = false;
                while (_control.TryDequeue(out var packet))
                {
                    MqttPacketCodec.Encode(packet, _writer);
                    _controlCredits.Release();
                    wrote = true;
                }

                batch.Clear();
                if (_session!.TakeForSending(this, batch, WriteBatchBytes, resendInflight))
                {
                    resendInflight = false;
                }

                foreach (var message in batch)
                {
                    MqttPacketCodec.Encode(message, _writer);
                }

                if (batch.Count > 0)
                {
                    _broker.CountSent(batch.Count);
                    wrote = true;
                }

                if (wrote)
                {
                    var result = await _writer.FlushAsync(ct).ConfigureAwait(false);
                    if (result.IsCanceled || result.IsCompleted)
                    {
                        return;
                    }

                    continue;
                }

                await _wake.Reader.ReadAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Abort($"network error while writing: {ex.Message}", publishWill: true);
        }
    }

    private void OnKeepAliveExpired()
    {
        _broker.CountKeepAliveTimeout();
        Abort($"keep-alive timeout: no packet for {_keepAliveGrace.TotalSeconds:0.###} s ([MQTT-3.1.2-24])", publishWill: true);
    }

    private void SetReason(string reason)
    {
        lock (_closeGate)
        {
            _closeReason ??= reason;
        }
    }

    private async Task CloseAsync(Task? writeLoop)
    {
        _connectTimer.Dispose();
        _keepAliveTimer?.Dispose();
        bool publishWill;
        bool clean;
        string reason;
        lock (_closeGate)
        {
            publishWill = _publishWill;
            clean = _cleanDisconnect;
            reason = _closeReason ?? "closed";
        }

        try
        {
            await _cts.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        if (writeLoop is not null)
        {
            await writeLoop.ConfigureAwait(false);
        }

        // The will is routed before the socket closes, so a watcher sees it no later than the client sees the close.
        var willPublished = _session is not null && _broker.OnConnectionClosed(this, _session, publishWill ? _will : null);
        _broker.OnClosed(this, _session, reason, clean, willPublished);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        await _reader.CompleteAsync().ConfigureAwait(false);
        try
        {
            // Drops whatever was still buffered: the socket is shut down, so the flush inside CompleteAsync fails fast.
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }

        _socket.Dispose();
        _cts.Dispose();
    }
}
