using Vigil.Mqtt.Protocol;

namespace Vigil.Mqtt.Client;

/// <summary>Immutable options of an <see cref="MqttClient"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record MqttClientOptions
{
    /// <summary>The broker host name or IP address; default "127.0.0.1".</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The broker TCP port; default 1883.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>The client identifier (1-23 characters of [0-9a-zA-Z] are accepted by every broker); empty only with a clean session.</summary>
    public string ClientId { get; init; } = string.Empty;

    /// <summary>Whether the broker discards the session at connect and disconnect; default true. False keeps subscriptions and queued QoS 1 messages while offline.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>The keep-alive interval, whole seconds up to 65,535; a PINGREQ is sent after this much idle time; <see cref="TimeSpan.Zero"/> turns keep-alive off. Default 30 s.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for PINGRESP before declaring the connection dead and reconnecting; default 10 s.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The user name, or null.</summary>
    public string? UserName { get; init; }

    /// <summary>The password (sent as UTF-8), or null; requires <see cref="UserName"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The last will the broker publishes if this client vanishes without DISCONNECT, or null.</summary>
    public MqttWill? Will { get; init; }

    /// <summary>Whether to reconnect automatically after the connection is lost; default true.</summary>
    public bool AutoReconnect { get; init; } = true;

    /// <summary>The first reconnect delay; default 100 ms. The n-th retry waits min(Max, Min·2ⁿ) scaled by a jitter in [0.5, 1], never below Min.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest reconnect delay; default 30 s.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The seed of the reconnect jitter; default 0.</summary>
    public int ReconnectJitterSeed { get; init; }

    /// <summary>The most QoS 1 messages sent and not yet acknowledged; default 64. Further messages wait in the outgoing queue.</summary>
    public int MaxInFlight { get; init; } = 64;

    /// <summary>The capacity of the outgoing queue; when full, publishing waits (<see cref="MqttClient.PublishAsync"/>) or fails (<see cref="MqttClient.TryPublish"/>). Default 1,024.</summary>
    public int OutgoingQueueCapacity { get; init; } = 1024;

    /// <summary>The received messages buffered for the handler; when full the client stops reading the socket (TCP back-pressure). Default 1,024.</summary>
    public int IncomingQueueCapacity { get; init; } = 1024;

    /// <summary>The limit on TCP connect plus CONNECT/CONNACK; default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest packet sent or accepted, in bytes; default 1 MiB, at most 268,435,460.</summary>
    public int MaxPacketSize { get; init; } = MqttPacketCodec.DefaultMaximumPacketSize;

    /// <summary>Every problem with these options, each naming the option; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("Host must not be empty.");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"Port must be between 1 and 65535, not {Port}.");
        }

        if (ClientId is null || MqttStrings.Check(ClientId) is not null)
        {
            errors.Add("ClientId must be a valid MQTT string (no U+0000, well-formed, at most 65,535 UTF-8 bytes).");
        }
        else if (ClientId.Length == 0 && !CleanSession)
        {
            errors.Add("ClientId must not be empty when CleanSession is false (MQTT 3.1.1 [MQTT-3.1.3-7]).");
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive > TimeSpan.FromSeconds(ushort.MaxValue) || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"KeepAlive must be whole seconds between 0 and 65535, not {KeepAlive}.");
        }

        if (PingTimeout <= TimeSpan.Zero)
        {
            errors.Add($"PingTimeout must be positive, not {PingTimeout}.");
        }

        if (UserName is not null && MqttStrings.Check(UserName) is not null)
        {
            errors.Add("UserName must be a valid MQTT string.");
        }

        if (Password is not null && UserName is null)
        {
            errors.Add("Password requires UserName (MQTT 3.1.1 [MQTT-3.1.2-22]).");
        }

        if (ReconnectDelayMin <= TimeSpan.Zero)
        {
            errors.Add($"ReconnectDelayMin must be positive, not {ReconnectDelayMin}.");
        }

        if (ReconnectDelayMax < ReconnectDelayMin)
        {
            errors.Add($"ReconnectDelayMax ({ReconnectDelayMax}) must be at least ReconnectDelayMin ({ReconnectDelayMin}).");
        }

        if (MaxInFlight is < 1 or > 65_000)
        {
            errors.Add($"MaxInFlight must be between 1 and 65000, not {MaxInFlight}.");
        }

        if (OutgoingQueueCapacity < 1)
        {
            errors.Add($"OutgoingQueueCapacity must be at least 1, not {OutgoingQueueCapacity}.");
        }

        if (IncomingQueueCapacity < 1)
        {
            errors.Add($"IncomingQueueCapacity must be at least 1, not {IncomingQueueCapacity}.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"ConnectTimeout must be positive, not {ConnectTimeout}.");
        }

        if (MaxPacketSize is < 64 or > MqttPacketCodec.MaxPacketSizeLimit)
        {
            errors.Add($"MaxPacketSize must be between 64 and {MqttPacketCodec.MaxPacketSizeLimit}, not {MaxPacketSize}.");
        }

        return errors;
    }
}
