using System.Net;
using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Broker;

/// <summary>A consistent-enough, read-only snapshot of an <see cref="MqttBroker"/>'s counters, for metrics.</summary>
/// <param name="ConnectionsAccepted">Network connections accepted since start (including ones later refused at CONNECT).</param>
/// <param name="ConnectionsRejected">Connections closed at accept because <see cref="MqttBrokerOptions.MaxConnections"/> was reached.</param>
/// <param name="CurrentConnections">Network connections open now.</param>
/// <param name="ConnectedClients">Clients whose CONNECT was accepted and whose connection is still open.</param>
/// <param name="MessagesReceived">PUBLISH packets received from clients (and <see cref="MqttBroker.Publish"/> calls).</param>
/// <param name="MessagesSent">PUBLISH packets written to clients, redeliveries included.</param>
/// <param name="MessagesDropped">Messages dropped from full session queues.</param>
/// <param name="RetainedMessages">Retained messages stored now.</param>
/// <param name="Sessions">Sessions held now: connected clients plus offline persistent sessions.</param>
/// <param name="Subscriptions">Topic filters subscribed across all sessions.</param>
/// <param name="ProtocolErrors">Connections closed because the client broke the protocol (malformed or unexpected packets).</param>
/// <param name="KeepAliveTimeouts">Connections closed because the client was silent past its keep-alive grace.</param>
public sealed record MqttBrokerStatistics(
    long ConnectionsAccepted,
    long ConnectionsRejected,
    int CurrentConnections,
    int ConnectedClients,
    long MessagesReceived,
    long MessagesSent,
    long MessagesDropped,
    int RetainedMessages,
    int Sessions,
    int Subscriptions,
    long ProtocolErrors,
    long KeepAliveTimeouts);

/// <summary>Raised when a client's CONNECT has been accepted.</summary>
public sealed class MqttClientConnectedEventArgs : EventArgs
{
    internal MqttClientConnectedEventArgs(string clientId, EndPoint? remoteEndPoint, bool cleanSession, bool sessionPresent)
    {
        ClientId = clientId;
        RemoteEndPoint = remoteEndPoint;
        CleanSession = cleanSession;
        SessionPresent = sessionPresent;
    }

    /// <summary>The client identifier (assigned by the broker when the client sent an empty one).</summary>
    public string ClientId { get; }

    /// <summary>The client's network address.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Whether the client asked for a clean session.</summary>
    public bool CleanSession { get; }

    /// <summary>Whether a stored session was resumed.</summary>
    public bool SessionPresent { get; }
}

/// <summary>Raised when an accepted client's connection has closed.</summary>
public sealed class MqttClientDisconnectedEventArgs : EventArgs
{
    internal MqttClientDisconnectedEventArgs(string clientId, string reason, bool clean, bool willPublished)
    {
        ClientId = clientId;
        Reason = reason;
        Clean = clean;
        WillPublished = willPublished;
    }

    /// <summary>The client identifier.</summary>
    public string ClientId { get; }

    /// <summary>Why the connection closed, in words.</summary>
    public string Reason { get; }

    /// <summary>Whether the client closed with DISCONNECT.</summary>
    public bool Clean { get; }

    /// <summary>Whether the client's last will was published.</summary>
    public bool WillPublished { get; }
}

/// <summary>Raised after the broker has answered a SUBSCRIBE (the SUBACK is queued and the subscriptions are active).</summary>
public sealed class MqttClientSubscribedEventArgs : EventArgs
{
    internal MqttClientSubscribedEventArgs(string clientId, IReadOnlyList<MqttSubscription> granted)
    {
        ClientId = clientId;
        Granted = granted;
    }

    /// <summary>The client identifier.</summary>
    public string ClientId { get; }

    /// <summary>The topic filters with the QoS granted for each.</summary>
    public IReadOnlyList<MqttSubscription> Granted { get; }
}
