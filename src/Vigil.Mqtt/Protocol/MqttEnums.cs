namespace Vigil.Mqtt.Protocol;

/// <summary>The MQTT 3.1.1 control packet types (OASIS MQTT Version 3.1.1, 2014, §2.2.1); 0 and 15 are reserved.</summary>
public enum MqttPacketType : byte
{
    /// <summary>Client request to connect to a server.</summary>
    Connect = 1,

    /// <summary>Connect acknowledgment.</summary>
    ConnAck = 2,

    /// <summary>Publish message.</summary>
    Publish = 3,

    /// <summary>Publish acknowledgment (QoS 1).</summary>
    PubAck = 4,

    /// <summary>Publish received (QoS 2, part 1).</summary>
    PubRec = 5,

    /// <summary>Publish release (QoS 2, part 2).</summary>
    PubRel = 6,

    /// <summary>Publish complete (QoS 2, part 3).</summary>
    PubComp = 7,

    /// <summary>Client subscribe request.</summary>
    Subscribe = 8,

    /// <summary>Subscribe acknowledgment.</summary>
    SubAck = 9,

    /// <summary>Unsubscribe request.</summary>
    Unsubscribe = 10,

    /// <summary>Unsubscribe acknowledgment.</summary>
    UnsubAck = 11,

    /// <summary>Ping request.</summary>
    PingReq = 12,

    /// <summary>Ping response.</summary>
    PingResp = 13,

    /// <summary>Client is disconnecting.</summary>
    Disconnect = 14,
}

/// <summary>The delivery guarantee of a message (MQTT 3.1.1 §4.3).</summary>
public enum MqttQualityOfService : byte
{
    /// <summary>QoS 0: fire and forget, no acknowledgment.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged with PUBACK; may be delivered more than once.</summary>
    AtLeastOnce = 1,

    /// <summary>QoS 2: four-way handshake, delivered exactly once.</summary>
    ExactlyOnce = 2,
}

/// <summary>The CONNACK return codes of MQTT 3.1.1 (§3.2.2.3).</summary>
public enum MqttConnectReturnCode : byte
{
    /// <summary>0x00: connection accepted.</summary>
    Accepted = 0,

    /// <summary>0x01: the server does not support the requested protocol level.</summary>
    UnacceptableProtocolVersion = 1,

    /// <summary>0x02: the client identifier is well-formed UTF-8 but not allowed by the server.</summary>
    IdentifierRejected = 2,

    /// <summary>0x03: the network connection was made but the MQTT service is unavailable.</summary>
    ServerUnavailable = 3,

    /// <summary>0x04: the data in the user name or password is malformed (brokers also use it for a wrong password).</summary>
    BadUserNameOrPassword = 4,

    /// <summary>0x05: the client is not authorized to connect.</summary>
    NotAuthorized = 5,
}

/// <summary>One SUBACK return code (MQTT 3.1.1 §3.9.3): the granted maximum QoS, or failure.</summary>
public enum MqttSubscribeReturnCode : byte
{
    /// <summary>Success, maximum QoS 0.</summary>
    GrantedQos0 = 0,

    /// <summary>Success, maximum QoS 1.</summary>
    GrantedQos1 = 1,

    /// <summary>Success, maximum QoS 2.</summary>
    GrantedQos2 = 2,

    /// <summary>0x80: the subscription was refused.</summary>
    Failure = 0x80,
}
