using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Configuration;

/// <summary>
/// The validated settings of <c>vigil server</c>, whatever their source (flags, environment, appsettings file; see
/// <see cref="ServerSettingsLoader"/>): where to listen, plus the <see cref="VigilServerOptions"/> the server is created with.
/// </summary>
public sealed record ServerSettings
{
    /// <summary>The default host: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The default port: 5000, MLflow's.</summary>
    public const int DefaultPort = 5000;

    /// <summary>
    /// Creates validated settings; throws one <see cref="ArgumentException"/> naming every invalid setting. Parameters not
    /// listed here are those of <see cref="VigilServerOptions"/>, with the same defaults.
    /// </summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="host">The host or IP address to listen on (<c>*</c>, <c>0.0.0.0</c>, <c>::</c> = every interface); ignored when <paramref name="urls"/> is given.</param>
    /// <param name="port">The port to listen on, 1-65535 (0 picks a free port); ignored when <paramref name="urls"/> is given.</param>
    /// <param name="urls">Explicit listen URLs (<c>--urls</c>), which win over <paramref name="host"/> and <paramref name="port"/>; null = use them.</param>
    /// <param name="models">The model references to serve.</param>
    /// <param name="logLevel">The console log's minimum level.</param>
    /// <param name="driftThreshold">The drift threshold, in (0, 1].</param>
    /// <param name="pollInterval">The registry poll interval.</param>
    /// <param name="maxBatchRows">The most rows per prediction request.</param>
    /// <param name="microBatchDelay">The micro-batching delay (zero = off).</param>
    /// <param name="maxRequestBodyBytes">The request body limit.</param>
    /// <param name="shutdownTimeout">How long a graceful shutdown drains in-flight requests.</param>
    /// <param name="storeUri">The store URI, or null for the data directory's SQLite database.</param>
    public ServerSettings(
        string dataDirectory,
        string host = DefaultHost,
        int port = DefaultPort,
        IReadOnlyList<string>? urls = null,
        IReadOnlyList<string>? models = null,
        LogLevel logLevel = VigilServerOptions.DefaultLogLevel,
        double driftThreshold = VigilServerOptions.DefaultDriftThreshold,
        TimeSpan? pollInterval = null,
        int maxBatchRows = VigilServerOptions.DefaultMaxBatchRows,
        TimeSpan? microBatchDelay = null,
        long maxRequestBodyBytes = VigilServerOptions.DefaultMaxRequestBodyBytes,
        TimeSpan? shutdownTimeout = null,
        string? storeUri = null)
    {
        var errors = new List<string>();
        if (!IsHost(host))
        {
            errors.Add($"host: '{host}' is not a host name or IP address");
        }

        if (port is < 0 or > 65535)
        {
            errors.Add($"port: must be 0-65535 (got {port})");
        }

        VigilServerOptions? options = null;
        try
        {
            options = new VigilServerOptions(
                dataDirectory,
                storeUri,
                urls ?? (errors.Count == 0 ? [ListenUrl(host, port)] : null),
                maxRequestBodyBytes,
                shutdownTimeout: shutdownTimeout,
                models: models,
                pollInterval: pollInterval,
                driftThreshold: driftThreshold,
                maxBatchRows: maxBatchRows,
                microBatchDelay: microBatchDelay,
                logLevel: logLevel);
        }
        catch (ArgumentException ex)
        {
            errors.Add(ex.Message);
        }

        if (errors.Count > 0 || options is null)
        {
            throw new ArgumentException($"Invalid server settings: {string.Join("; ", errors)}");
        }

        Host = NormalizeHost(host);
        Port = port;
        Urls = urls is null ? null : [.. urls];
        Options = options;
    }

    /// <summary>The host to listen on (without IPv6 brackets); unused when <see cref="Urls"/> is set.</summary>
    public string Host { get; }

    /// <summary>The port to listen on; unused when <see cref="Urls"/> is set.</summary>
    public int Port { get; }

    /// <summary>The explicit listen URLs (<c>--urls</c>), or null when <see cref="Host"/> and <see cref="Port"/> decide.</summary>
    public IReadOnlyList<string>? Urls { get; }

    /// <summary>The URLs the server listens on: <see cref="Urls"/> when given, else <c>http://host:port</c>.</summary>
    public IReadOnlyList<string> ListenUrls => Options.Urls;

    /// <summary>The server options these settings map to (data directory, store, URLs, limits, models, serving and logging settings).</summary>
    public VigilServerOptions Options { get; }

    /// <summary>The listen URL of a host and port: <c>http://host:port</c>, IPv6 addresses in brackets.</summary>
    public static string ListenUrl(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = NormalizeHost(host);
        var shown = bare.Contains(':', StringComparison.Ordinal) ? $"[{bare}]" : bare;
        return $"http://{shown}:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Whether <paramref name="host"/> is a DNS name, an IPv4 or IPv6 address (brackets allowed), or Kestrel's <c>*</c> / <c>+</c> wildcard.</summary>
    public static bool IsHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Trim() != host)
        {
            return false;
        }

        if (host is "*" or "+")
        {
            return true;
        }

        var bare = NormalizeHost(host);
        if (bare.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(bare, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return Uri.CheckHostName(bare) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    private static string NormalizeHost(string host) =>
        host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
}
