using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shouldly;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Tests.Broker;

/// <summary>
/// A deliberately tiny MQTT test peer over a raw socket and the packet codec: it sends exactly what a test tells it to (including
/// malformed bytes) and hands back each packet it receives. No session logic, no automatic acknowledgements.
/// </summary>
internal sealed class RawMqttClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly MqttPacketCodec _codec = new(MqttPacketCodec.MaxPacketSizeLimit);
    private ushort _nextId;

    private RawMqttClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
    }

    public ConnAckPacket? ConnAck { get; private set; }

    /// <summary>Opens a TCP connection without sending anything.</summary>
    public static async Task<RawMqttClient> OpenAsync(IPEndPoint endPoint, int? receiveBufferSize = null)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        using var cts = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(endPoint, cts.Token);
        return new RawMqttClient(socket);
    }

    /// <summary>Opens a connection, sends CONNECT and expects an accepting CONNACK.</summary>
    public static async Task<RawMqttClient> ConnectAsync(
        IPEndPoint endPoint, string clientId, bool cleanSession = true, ushort keepAliveSeconds = 0, MqttWill? will = null,
        string? userName = null, string? password = null, int? receiveBufferSize = null)
    {
        var client = await OpenAsync(endPoint, receiveBufferSize);
        var ack = await client.HandshakeAsync(new ConnectPacket(
            clientId, cleanSession, keepAliveSeconds, will, userName, password is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(password)));
        ack.ReturnCode.ShouldBe(MqttConnectReturnCode.Accepted);
        return client;
    }

    public async Task<ConnAckPacket> HandshakeAsync(ConnectPacket connect)
    {
        await SendAsync(connect);
        ConnAck = await ExpectAsync<ConnAckPacket>();
        return ConnAck;
    }

    public async Task SendAsync(MqttPacket packet)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        MqttPacketCodec.Encode(packet, buffer);
        await SendRawAsync(buffer.WrittenMemory);
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(bytes, cts.Token);
        await _stream.FlushAsync(cts.Token);
    }

    /// <summary>The next packet, or null when the broker closed the connection; throws <see cref="TimeoutException"/> after <see cref="Timeout"/>.</summary>
    public async Task<MqttPacket?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            return await _reader.ReadPacketAsync(_codec, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No packet within {Timeout.TotalSeconds} s.");
        }
        catch (IOException)
        {
            // Connection reset by the broker counts as closed.
            return null;
        }
    }

    public async Task<T> ExpectAsync<T>()
        where T : MqttPacket
    {
        var packet = await ReceiveAsync();
        packet.ShouldNotBeNull($"the broker closed the connection while a {typeof(T).Name} was expected");
        return packet.ShouldBeOfType<T>();
    }

    /// <summary>Waits until the broker closes the connection; fails if it sends a packet first or stays open.</summary>
    public async Task ExpectClosedAsync()
    {
        var packet = await ReceiveAsync();
        packet.ShouldBeNull($"expected the broker to close the connection, got {packet}");
    }

    public async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(params (string Filter, MqttQualityOfService Qos)[] filters)
    {
        var id = NextId();
        await SendAsync(new SubscribePacket(id, filters.Select(f => new MqttSubscription(f.Filter, f.Qos))));
        var ack = await ExpectAsync<SubAckPacket>();
        ack.PacketId.ShouldBe(id);
        return ack.ReturnCodes;
    }

    /// <summary>Publishes; for QoS 1 waits for the PUBACK, so the message has been routed when this returns.</summary>
    public async Task PublishAsync(string topic, string payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false)
    {
        var id = qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : NextId();
        await SendAsync(new PublishPacket(topic, Encoding.UTF8.GetBytes(payload), qos, retain, dup: false, id));
        if (qos == MqttQualityOfService.AtLeastOnce)
        {
            (await ExpectAsync<PubAckPacket>()).PacketId.ShouldBe(id);
        }
    }

    /// <summary>Receives the next PUBLISH and checks its topic and payload.</summary>
    public async Task<PublishPacket> ExpectPublishAsync(string topic, string payload)
    {
        var publish = await ExpectAsync<PublishPacket>();
        publish.Topic.ShouldBe(topic);
        Encoding.UTF8.GetString(publish.Payload.Span).ShouldBe(payload);
        return publish;
    }

    /// <summary>A round trip through the broker: PINGREQ answered by PINGRESP. Everything sent before has been processed.</summary>
    public async Task PingAsync()
    {
        await SendAsync(PingReqPacket.Instance);
        await ExpectAsync<PingRespPacket>();
    }

    public async Task DisconnectAsync()
    {
        await SendAsync(DisconnectPacket.Instance);
        await ExpectClosedAsync();
    }

    /// <summary>Drops the connection abruptly (RST), as a crashed client would.</summary>
    public void Kill()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
    }

    private ushort NextId() => ++_nextId == 0 ? ++_nextId : _nextId;
}
