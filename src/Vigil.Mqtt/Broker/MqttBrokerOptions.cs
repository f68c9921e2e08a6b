using System.Net;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Broker;

/// <summary>What a client presented in CONNECT, handed to an <see cref="MqttAuthenticator"/>.</summary>
/// <param name="ClientId">The client identifier as sent (empty when the broker will assign one).</param>
/// <param name="UserName">The user name, or null when the client sent none.</param>
/// <param name="Password">The password bytes, or null when the client sent none.</param>
/// <param name="RemoteEndPoint">The client's network address.</param>
public sealed record MqttAuthenticationRequest(string ClientId, string? UserName, ReadOnlyMemory<byte>? Password, EndPoint? RemoteEndPoint);

/// <summary>
/// Decides whether a client may connect: return <see cref="MqttConnectReturnCode.Accepted"/>, or the CONNACK refusal code
/// (typically <see cref="MqttConnectReturnCode.BadUserNameOrPassword"/> or <see cref="MqttConnectReturnCode.NotAuthorized"/>).
/// </summary>
/// <remarks>An authenticator that throws refuses the connection with <see cref="MqttConnectReturnCode.ServerUnavailable"/>.</remarks>
public delegate ValueTask<MqttConnectReturnCode> MqttAuthenticator(MqttAuthenticationRequest request, CancellationToken cancellationToken);

/// <summary>How to run an <see cref="MqttBroker"/>; immutable and validated once at construction.</summary>
public sealed record MqttBrokerOptions
{
    /// <summary>The IANA port of unencrypted MQTT.</summary>
    public const int DefaultPort = 1883;

    /// <summary>The default limit of simultaneous network connections.</summary>
    public const int DefaultMaxConnections = 1024;

    /// <summary>The default limit of messages waiting for one session (offline, or online but slower than its publishers).</summary>
    public const int DefaultMaxQueuedMessages = 1000;

    /// <summary>The default number of unacknowledged outgoing QoS 1 messages per session.</summary>
    public const int DefaultMaxInflightMessages = 32;

    /// <summary>The keep-alive grace factor of MQTT 3.1.1 [MQTT-3.1.2-24]: one and a half keep-alive periods.</summary>
    public const double DefaultKeepAliveGraceFactor = 1.5;

    /// <summary>The default limit of distinct retained topics.</summary>
    public const int DefaultMaxRetainedMessages = 10_000;

    /// <summary>Creates validated options; throws one <see cref="ArgumentException"/> naming every invalid option.</summary>
    /// <param name="bindAddress">The address to listen on; default 127.0.0.1 (loopback only).</param>
    /// <param name="port">The TCP port; 0 picks a free port (see <see cref="MqttBroker.LocalEndPoint"/>).</param>
    /// <param name="maxConnections">Connections beyond this many are closed right after accept.</param>
    /// <param name="maxPacketSize">The largest packet, fixed header included, a client may send; larger ones close its connection.</param>
    /// <param name="maxQueuedMessages">Messages waiting per session; when full the oldest QoS 0 message is dropped first (and counted).</param>
    /// <param name="maxInflightMessages">Outgoing QoS 1 messages per session sent but not yet acknowledged (1 to 65,535).</param>
    /// <param name="keepAliveGraceFactor">A client silent for this many keep-alive periods is disconnected (at least 1; default 1.5).</param>
    /// <param name="maxRetainedMessages">Distinct retained topics kept; a retained message for a new topic beyond this is routed but not stored.</param>
    /// <param name="connectTimeout">How long a new connection may take to send CONNECT (default 10 s).</param>
    /// <param name="authenticator">Checks the credentials of each CONNECT, or null to accept every client.</param>
    public MqttBrokerOptions(
        IPAddress? bindAddress = null,
        int port = DefaultPort,
        int maxConnections = DefaultMaxConnections,
        int maxPacketSize = MqttPacketCodec.DefaultMaximumPacketSize,
        int maxQueuedMessages = DefaultMaxQueuedMessages,
        int maxInflightMessages = DefaultMaxInflightMessages,
        double keepAliveGraceFactor = DefaultKeepAliveGraceFactor,
        int maxRetainedMessages = DefaultMaxRetainedMessages,
        TimeSpan? connectTimeout = null,
        MqttAuthenticator? authenticator = null)
    {
        var errors = new List<string>();
        if (port is < 0 or > 65_535)
        {
            errors.Add($"port: must be 0 to 65535 (got {port})");
        }

        if (maxConnections < 1)
        {
            errors.Add($"maxConnections: must be positive (got {maxConnections})");
        }

        // The smallest useful limit still admits a CONNECT with a short client id and a small PUBLISH.
        if (maxPacketSize is < 64 or > MqttPacketCodec.MaxPacketSizeLimit)
        {
            errors.Add($"maxPacketSize: must be 64 to {MqttPacketCodec.MaxPacketSizeLimit} bytes (got {maxPacketSize})");
        }

        if (maxQueuedMessages < 1)
        {
            errors.Add($"maxQueuedMessages: must be positive (got {maxQueuedMessages})");
        }

        if (maxInflightMessages is < 1 or > ushort.MaxValue)
        {
            errors.Add($"maxInflightMessages: must be 1 to 65535 (got {maxInflightMessages})");
        }

        if (!double.IsFinite(keepAliveGraceFactor) || keepAliveGraceFactor < 1.0)
        {
            errors.Add($"keepAliveGraceFactor: must be a finite number of at least 1 (got {keepAliveGraceFactor})");
        }

        if (maxRetainedMessages < 0)
        {
            errors.Add($"maxRetainedMessages: must not be negative (got {maxRetainedMessages})");
        }

        var timeout = connectTimeout ?? TimeSpan.FromSeconds(10);
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            errors.Add($"connectTimeout: must be positive and finite (got {timeout})");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid MQTT broker options: {string.Join("; ", errors)}.");
        }

        BindAddress = bindAddress ?? IPAddress.Loopback;
        Port = port;
        MaxConnections = maxConnections;
        MaxPacketSize = maxPacketSize;
        MaxQueuedMessages = maxQueuedMessages;
        MaxInflightMessages = maxInflightMessages;
        KeepAliveGraceFactor = keepAliveGraceFactor;
        MaxRetainedMessages = maxRetainedMessages;
        ConnectTimeout = timeout;
        Authenticator = authenticator;
    }

    /// <summary>The address listened on.</summary>
    public IPAddress BindAddress { get; }

    /// <summary>The TCP port asked for; 0 means any free port.</summary>
    public int Port { get; }

    /// <summary>The limit of simultaneous network connections.</summary>
    public int MaxConnections { get; }

    /// <summary>The largest packet a client may send, in bytes including the fixed header.</summary>
    public int MaxPacketSize { get; }

    /// <summary>The limit of messages waiting for one session.</summary>
    public int MaxQueuedMessages { get; }

    /// <summary>The limit of unacknowledged outgoing QoS 1 messages per session.</summary>
    public int MaxInflightMessages { get; }

    /// <summary>How many keep-alive periods of silence disconnect a client.</summary>
    public double KeepAliveGraceFactor { get; }

    /// <summary>The limit of distinct retained topics.</summary>
    public int MaxRetainedMessages { get; }

    /// <summary>How long a new connection may take to send CONNECT.</summary>
    public TimeSpan ConnectTimeout { get; }

    /// <summary>The credential check, or null to accept every client.</summary>
    public MqttAuthenticator? Authenticator { get; }

    /// <summary>An authenticator accepting exactly one user name and password (compared in constant time); others get CONNACK 0x04.</summary>
    public static MqttAuthenticator SingleUser(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        var expectedUser = System.Text.Encoding.UTF8.GetBytes(userName);
        var expectedPassword = System.Text.Encoding.UTF8.GetBytes(password);
        return (request, _) =>
        {
            var userOk = request.UserName is { } u
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(u), expectedUser);
            var passwordOk = request.Password is { } p
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(p.Span, expectedPassword);
            return ValueTask.FromResult(userOk && passwordOk ? MqttConnectReturnCode.Accepted : MqttConnectReturnCode.BadUserNameOrPassword);
        };
    }
}
