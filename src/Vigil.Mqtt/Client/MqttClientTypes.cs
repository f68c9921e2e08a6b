using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Client;

/// <summary>A message delivered to the client's handler.</summary>
/// <param name="Topic">The topic name it was published to.</param>
/// <param name="Payload">The application message (owned by the receiver).</param>
/// <param name="Qos">The QoS of this delivery (the lower of the publisher's and the subscription's).</param>
/// <param name="Retain">True when the broker delivers a stored retained message (typically right after SUBSCRIBE).</param>
/// <param name="Dup">True when the broker marks this as a possible redelivery of an earlier attempt (QoS 1 and 2).</param>
public sealed record MqttReceivedMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQualityOfService Qos, bool Retain, bool Dup);

/// <summary>Why the connection to the broker ended.</summary>
public enum MqttDisconnectReason
{
    /// <summary>The application called <see cref="MqttClient.DisconnectAsync"/> or disposed the client.</summary>
    ClientDisconnected,

    /// <summary>The socket failed or the broker closed it.</summary>
    ConnectionLost,

    /// <summary>No PINGRESP arrived within <see cref="MqttClientOptions.PingTimeout"/> of a PINGREQ.</summary>
    KeepAliveTimeout,

    /// <summary>The broker sent malformed or unexpected data.</summary>
    ProtocolError,
}

/// <summary>Raised when a connection is established (first connect or reconnect), after resubscription and in-flight redelivery.</summary>
public sealed class MqttConnectedEventArgs(bool sessionPresent, bool isReconnect) : EventArgs
{
    /// <summary>Whether the broker resumed a stored session.</summary>
    public bool SessionPresent { get; } = sessionPresent;

    /// <summary>Whether this connection replaced a lost one.</summary>
    public bool IsReconnect { get; } = isReconnect;
}

/// <summary>Raised when an established connection ends.</summary>
public sealed class MqttDisconnectedEventArgs(MqttDisconnectReason reason, Exception? exception) : EventArgs
{
    /// <summary>Why the connection ended.</summary>
    public MqttDisconnectReason Reason { get; } = reason;

    /// <summary>The underlying error, if any.</summary>
    public Exception? Exception { get; } = exception;
}

/// <summary>A snapshot of the client's counters.</summary>
/// <param name="IsConnected">Whether a connection is currently established.</param>
/// <param name="Reconnects">Successful reconnects after a lost connection.</param>
/// <param name="MessagesReceived">PUBLISH packets handed to the handler.</param>
/// <param name="DuplicatesReceived">Received PUBLISH packets flagged DUP.</param>
/// <param name="MessagesPublished">Messages delivered: QoS 0 written to the socket, QoS 1 acknowledged by PUBACK.</param>
/// <param name="Redeliveries">QoS 1 messages resent with DUP after a reconnect.</param>
/// <param name="InFlight">QoS 1 messages sent and awaiting PUBACK.</param>
/// <param name="Queued">Messages waiting in the outgoing queue.</param>
/// <param name="HandlerFailures">Handler invocations that threw (the message is still acknowledged).</param>
public sealed record MqttClientStatistics(
    bool IsConnected, long Reconnects, long MessagesReceived, long DuplicatesReceived, long MessagesPublished, long Redeliveries, int InFlight, int Queued, long HandlerFailures);

/// <summary>An MQTT client operation failed: the client is closed, or the connection was lost before the broker answered.</summary>
public class MqttClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttClientException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttClientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Connecting failed: the broker refused the CONNECT (<see cref="ReturnCode"/>), or the network or timeout did.</summary>
public sealed class MqttConnectException : MqttClientException
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttConnectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refusing CONNACK.</summary>
    public MqttConnectException(MqttConnectReturnCode returnCode)
        : base(Describe(returnCode))
    {
        ReturnCode = returnCode;
    }

    /// <summary>The CONNACK return code when the broker refused the connection; null for network errors and timeouts.</summary>
    public MqttConnectReturnCode? ReturnCode { get; }

    private static string Describe(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.UnacceptableProtocolVersion => "The broker refused the connection: it does not support MQTT 3.1.1 (CONNACK 0x01).",
        MqttConnectReturnCode.IdentifierRejected => "The broker refused the connection: client identifier rejected (CONNACK 0x02).",
        MqttConnectReturnCode.ServerUnavailable => "The broker refused the connection: server unavailable (CONNACK 0x03).",
        MqttConnectReturnCode.BadUserNameOrPassword => "The broker refused the connection: bad user name or password (CONNACK 0x04).",
        MqttConnectReturnCode.NotAuthorized => "The broker refused the connection: not authorized - check the user name and password (CONNACK 0x05).",
        _ => $"The broker refused the connection (CONNACK 0x{(byte)code:X2}).",
    };
}
