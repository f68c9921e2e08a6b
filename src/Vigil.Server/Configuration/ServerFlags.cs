namespace Vigil.Server.Configuration;

/// <summary>
/// The raw command-line values of <c>vigil server</c>, as typed (null = flag not given). <see cref="ServerSettingsLoader"/>
/// validates them, so a bad value is reported with the flag's name like any other source.
/// </summary>
public sealed record ServerFlags
{
    /// <summary><c>--data-dir</c>.</summary>
    public string? DataDir { get; init; }

    /// <summary><c>--model</c>, repeatable: one model reference each.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary><c>--host</c>.</summary>
    public string? Host { get; init; }

    /// <summary><c>--port</c>.</summary>
    public string? Port { get; init; }

    /// <summary><c>--urls</c>, <c>;</c>-separated; wins over host and port from every source.</summary>
    public string? Urls { get; init; }

    /// <summary><c>--log-level</c>.</summary>
    public string? LogLevel { get; init; }

    /// <summary><c>--drift-threshold</c>.</summary>
    public string? DriftThreshold { get; init; }

    /// <summary><c>--poll-interval</c> (seconds).</summary>
    public string? PollInterval { get; init; }

    /// <summary><c>--max-batch</c> (rows).</summary>
    public string? MaxBatch { get; init; }

    /// <summary><c>--micro-batch-delay-ms</c>.</summary>
    public string? MicroBatchDelayMs { get; init; }

    /// <summary><c>--max-request-body</c> (bytes, or with a KiB/MiB/GiB suffix).</summary>
    public string? MaxRequestBody { get; init; }

    /// <summary><c>--shutdown-timeout</c> (seconds).</summary>
    public string? ShutdownTimeout { get; init; }

    /// <summary><c>--store</c>.</summary>
    public string? Store { get; init; }
}
