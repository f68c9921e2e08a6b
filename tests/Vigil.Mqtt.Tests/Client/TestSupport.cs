using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigil.Mqtt.Client;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Tests.Client;

internal static class Wait
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static Task<T> For<T>(Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default, TimeProvider.System);

    public static Task For(Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default, TimeProvider.System);

    /// <summary>Advances fake time in steps until <paramref name="condition"/> completes (real-time bounded).</summary>
    public static async Task AdvanceUntil(Vigil.Testing.FakeTimeProvider time, TimeSpan step, Task condition, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !condition.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(condition, Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System));
        }

        await For(condition);
    }
}

/// <summary>Collects received messages; its <see cref="Handle"/> is the client's message handler.</summary>
internal sealed class MessageSink
{
    private readonly Channel<MqttReceivedMessage> _messages = Channel.CreateUnbounded<MqttReceivedMessage>();

    public ValueTask Handle(MqttReceivedMessage message, CancellationToken cancellationToken)
    {
        _messages.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    public async Task<MqttReceivedMessage> NextAsync(TimeSpan? timeout = null) =>
        await Wait.For(_messages.Reader.ReadAsync().AsTask(), timeout);

    /// <summary>Reads messages until one matches; returns everything read, the match last.</summary>
    public async Task<List<MqttReceivedMessage>> UntilAsync(Func<MqttReceivedMessage, bool> predicate, TimeSpan? timeout = null)
    {
        var seen = new List<MqttReceivedMessage>();
        using var cts = new CancellationTokenSource(timeout ?? Wait.Default, TimeProvider.System);
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(cts.Token);
            seen.Add(message);
            if (predicate(message))
            {
                return seen;
            }
        }
    }
}

/// <summary>A scripted in-process broker for protocol-level client tests: records every packet, answers only as told.</summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _cts = new();
    private readonly Channel<FakeConnection> _connections = Channel.CreateUnbounded<FakeConnection>();
    private readonly List<FakeConnection> _all = [];
    private readonly Task _accept;

    public FakeBroker(MqttConnectReturnCode? autoConnAck = MqttConnectReturnCode.Accepted)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = AcceptAsync(autoConnAck);
    }

    public int Port { get; }

    public int ConnectionCount
    {
        get
        {
            lock (_all)
            {
                return _all.Count;
            }
        }
    }

    public Task<FakeConnection> NextConnectionAsync() => Wait.For(_connections.Reader.ReadAsync().AsTask());

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        _listener.Stop();
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_all)
        {
            foreach (var c in _all)
            {
                c.Close();
            }
        }

        _cts.Dispose();
    }

    private async Task AcceptAsync(MqttConnectReturnCode? autoConnAck)
    {
        while (!_cts.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_cts.Token);
            var connection = new FakeConnection(socket, autoConnAck);
            lock (_all)
            {
                _all.Add(connection);
            }

            _connections.Writer.TryWrite(connection);
        }
    }
}

internal sealed class FakeConnection
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Channel<MqttPacket> _received = Channel.CreateUnbounded<MqttPacket>();

    public FakeConnection(Socket socket, MqttConnectReturnCode? autoConnAck)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _writer = PipeWriter.Create(_stream);
        _ = ReadAsync(autoConnAck);
    }

    public Func<MqttPacket, MqttPacket?>? AutoReply { get; set; }

    public async Task<MqttPacket> NextAsync() => await Wait.For(_received.Reader.ReadAsync().AsTask());

    public async Task<T> NextAsync<T>()
        where T : MqttPacket
    {
        while (true)
        {
            if (await NextAsync() is T match)
            {
                return match;
            }
        }
    }

    public async Task SendAsync(MqttPacket packet)
    {
        await _writeLock.WaitAsync();
        try
        {
            MqttPacketCodec.Encode(packet, _writer);
            await _writer.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }

    private async Task ReadAsync(MqttConnectReturnCode? autoConnAck)
    {
        var reader = PipeReader.Create(_stream);
        var codec = new MqttPacketCodec();
        try
        {
            while (await reader.ReadPacketAsync(codec) is { } packet)
            {
                if (packet is ConnectPacket)
                {
                    if (autoConnAck is { } code)
                    {
                        await SendAsync(new ConnAckPacket(code));
                    }
                }

                _received.Writer.TryWrite(packet);
                if (AutoReply?.Invoke(packet) is { } reply)
                {
                    await SendAsync(reply);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or MqttProtocolException)
        {
        }

        _received.Writer.TryComplete();
    }
}
