using System.IO.Pipelines;
using System.Net.Sockets;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Client;

public sealed partial class MqttClient
{
    /// <summary>One TCP connection: its pipes, write lock, reader and keep-alive loops, and the SUBSCRIBE/UNSUBSCRIBE requests awaiting answers.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly MqttClient _client;
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly PipeWriter _writer;
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly CancellationTokenSource _cts = new();
        private readonly TaskCompletionSource<(MqttDisconnectReason Reason, Exception? Exception)> _closed =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Task _readLoop = Task.CompletedTask;
        private Task _keepAliveLoop = Task.CompletedTask;
        private long _lastSent;
        private long _pingSentAt;
        private int _disposed;

        public Connection(MqttClient client, Socket socket)
        {
            _client = client;
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: false);
            Reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
            _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
            _lastSent = client._time.GetTimestamp();
        }

        public PipeReader Reader { get; }

        public Dictionary<ushort, TaskCompletionSource<MqttPacket>> Pending { get; } = [];

        public bool SessionPresent { get; set; }

        public bool ReaderBlocked { get; set; }

        public CancellationToken Token => _cts.Token;

        public bool IsClosed => _closed.Task.IsCompleted;

        public Task<(MqttDisconnectReason Reason, Exception? Exception)> Closed => _closed.Task;

        public void Start()
        {
            _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
            if (_client.Options.KeepAlive > TimeSpan.Zero)
            {
                _keepAliveLoop = Task.Run(KeepAliveLoopAsync, CancellationToken.None);
            }
        }

        public ValueTask SendAsync(MqttPacket packet, CancellationToken cancellationToken) => SendAsync([packet], cancellationToken);

        /// <summary>Encodes the packets and flushes them in one write, under the write lock.</summary>
        public async ValueTask SendAsync(IEnumerable<MqttPacket> packets, CancellationToken cancellationToken)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(IsClosed, this);
                foreach (var packet in packets)
                {
                    MqttPacketCodec.Encode(packet, _writer);
                }

                await _writer.FlushAsync(_cts.Token).ConfigureAwait(false);
                Volatile.Write(ref _lastSent, _client._time.GetTimestamp());
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <summary>Sends an acknowledgment in the background; a failure closes the connection (the broker then redelivers).</summary>
        public void TrySend(MqttPacket packet)
        {
            if (IsClosed)
            {
                return;
            }

            _ = SendOrAbortAsync(packet);
        }

        public void Abort(MqttDisconnectReason reason, Exception? exception)
        {
            if (!_closed.TrySetResult((reason, exception)))
            {
                return;
            }

            lock (_client._gate)
            {
                _client.OnConnectionClosed(this, new MqttClientException("The connection was lost before the broker answered; retry once reconnected.", exception));
            }

            _cts.Cancel();
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

        public async ValueTask DisposeAsync()
        {
            Abort(MqttDisconnectReason.ConnectionLost, null);
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            await Task.WhenAll(_readLoop, _keepAliveLoop).ConfigureAwait(false);
            await Reader.CompleteAsync().ConfigureAwait(false);
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await _writer.CompleteAsync().ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }

            // _cts is not disposed: late acknowledgments from the dispatcher may still read its token (it holds no timer).
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        private async Task SendOrAbortAsync(MqttPacket packet)
        {
            try
            {
                await SendAsync(packet, _cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                Abort(MqttDisconnectReason.ConnectionLost, e);
            }
        }

        private async Task ReadLoopAsync()
        {
            try
            {
                while (true)
                {
                    var packet = await Reader.ReadPacketAsync(_client._codec, _cts.Token).ConfigureAwait(false);
                    if (packet is null)
                    {
                        Abort(MqttDisconnectReason.ConnectionLost, new MqttClientException("The broker closed the connection."));
                        return;
                    }

                    // Any packet from the broker proves the link is alive, PINGRESP included.
                    Volatile.Write(ref _pingSentAt, 0);
                    await _client.OnPacketAsync(this, packet).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_cts.IsCancellationRequested)
            {
            }
            catch (MqttProtocolException e)
            {
                Abort(MqttDisconnectReason.ProtocolError, e);
            }
#pragma warning disable CA1031 // Any failure of the read side ends this connection; the supervisor reconnects.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Abort(MqttDisconnectReason.ConnectionLost, e);
            }
        }

        private async Task KeepAliveLoopAsync()
        {
            var time = _client._time;
            var keepAlive = _client.Options.KeepAlive;
            var pingTimeout = _client.Options.PingTimeout;
            try
            {
                while (!_cts.IsCancellationRequested)
                {
                    TimeSpan delay;
                    var now = time.GetTimestamp();
                    var pingSentAt = Volatile.Read(ref _pingSentAt);
                    if (pingSentAt != 0)
                    {
                        var waited = time.GetElapsedTime(pingSentAt, now);
                        if (ReaderBlocked)
                        {
                            // The reader waits for the handler and cannot see PINGRESP; that is back-pressure, not a dead link.
                            Volatile.Write(ref _pingSentAt, now);
                            delay = pingTimeout;
                        }
                        else if (waited >= pingTimeout)
                        {
                            Abort(MqttDisconnectReason.KeepAliveTimeout, new TimeoutException($"No PINGRESP within {pingTimeout}."));
                            return;
                        }
                        else
                        {
                            delay = pingTimeout - waited;
                        }
                    }
                    else
                    {
                        var idle = time.GetElapsedTime(Volatile.Read(ref _lastSent), now);
                        if (idle >= keepAlive)
                        {
                            Volatile.Write(ref _pingSentAt, now);
                            await SendAsync(PingReqPacket.Instance, _cts.Token).ConfigureAwait(false);
                            delay = pingTimeout;
                        }
                        else
                        {
                            delay = keepAlive - idle;
                        }
                    }

                    await Task.Delay(delay, time, _cts.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_cts.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                Abort(MqttDisconnectReason.ConnectionLost, e);
            }
        }
    }
}
