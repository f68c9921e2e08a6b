using Microsoft.Extensions.Logging;

namespace Vigil.Server;

/// <summary>How to run a Vigil server; validated once at construction, all problems reported together.</summary>
public sealed record VigilServerOptions
{
    /// <summary>The default listen URL: loopback only, MLflow's default port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The default limit of a request body (JSON APIs): 16 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 16L * 1024 * 1024;

    /// <summary>The default limit of a dataset upload: 256 MiB.</summary>
    public const long DefaultMaxUploadBytes = 256L * 1024 * 1024;

    /// <summary>The default graceful-shutdown drain time: 10 s.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default registry poll interval (how soon a moved alias is noticed): 5 s.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The default drift threshold kept for monitoring: 0.1.</summary>
    public const double DefaultDriftThreshold = 0.1;

    /// <summary>The default largest number of rows one prediction request may carry: 10,000.</summary>
    public const int DefaultMaxBatchRows = 10_000;

    /// <summary>The longest accepted micro-batching delay: 1 s.</summary>
    public static readonly TimeSpan MaxMicroBatchDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default minimum level of the console log: <see cref="LogLevel.Warning"/>.</summary>
    public const LogLevel DefaultLogLevel = LogLevel.Warning;

    /// <summary>Creates validated options; throws one <see cref="ArgumentException"/> naming every invalid option.</summary>
    /// <param name="dataDirectory">The data directory (database, content, quarantine); made a full path.</param>
    /// <param name="storeUri">The store URI, or null for SQLite in the data directory.</param>
    /// <param name="urls">The http(s) URLs to listen on (port 0 picks a free port); default <see cref="DefaultUrl"/>.</param>
    /// <param name="maxRequestBodyBytes">The largest request body any endpoint accepts unless it declares its own limit.</param>
    /// <param name="maxUploadBytes">The largest dataset upload (whole multipart body).</param>
    /// <param name="shutdownTimeout">How long a graceful shutdown waits for in-flight requests (default 10 s).</param>
    /// <param name="models">The model references to serve (<c>pdm@champion</c>, <c>pdm/3</c>, a model file), parsed by the serving layer; default none.</param>
    /// <param name="pollInterval">How often the registry is polled for moved aliases and new versions (default 5 s; must be positive).</param>
    /// <param name="driftThreshold">The drift threshold kept for monitoring, in (0, 1] (default 0.1).</param>
    /// <param name="maxBatchRows">The most rows one prediction request may carry (default 10,000; at least 1).</param>
    /// <param name="microBatchDelay">How long concurrent single-row requests wait to be scored together; zero (the default) turns micro-batching off.</param>
    /// <param name="logLevel">The minimum level of the console log on stderr (default <see cref="LogLevel.Warning"/>).</param>
    public VigilServerOptions(
        string dataDirectory,
        string? storeUri = null,
        IReadOnlyList<string>? urls = null,
        long maxRequestBodyBytes = DefaultMaxRequestBodyBytes,
        long maxUploadBytes = DefaultMaxUploadBytes,
        TimeSpan? shutdownTimeout = null,
        IReadOnlyList<string>? models = null,
        TimeSpan? pollInterval = null,
        double driftThreshold = DefaultDriftThreshold,
        int maxBatchRows = DefaultMaxBatchRows,
        TimeSpan? microBatchDelay = null,
        LogLevel logLevel = DefaultLogLevel)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            errors.Add("dataDirectory: must not be empty");
        }

        if (storeUri is not null && string.IsNullOrWhiteSpace(storeUri))
        {
            errors.Add("storeUri: must not be blank when given");
        }

        urls ??= [DefaultUrl];
        if (urls.Count == 0)
        {
            errors.Add("urls: at least one URL is required");
        }

        foreach (var url in urls)
        {
            if (!IsListenUrl(url))
            {
                errors.Add($"urls: '{url}' is not an http:// or https:// URL with a host and port (e.g. {DefaultUrl})");
            }
        }

        if (maxRequestBodyBytes <= 0)
        {
            errors.Add($"maxRequestBodyBytes: must be positive (got {maxRequestBodyBytes})");
        }

        if (maxUploadBytes <= 0)
        {
            errors.Add($"maxUploadBytes: must be positive (got {maxUploadBytes})");
        }

        var timeout = shutdownTimeout ?? DefaultShutdownTimeout;
        if (timeout < TimeSpan.Zero)
        {
            errors.Add($"shutdownTimeout: must not be negative (got {timeout})");
        }

        models ??= [];
        foreach (var model in models)
        {
            if (string.IsNullOrWhiteSpace(model))
            {
                errors.Add("models: a model reference must not be blank");
            }
        }

        var poll = pollInterval ?? DefaultPollInterval;
        if (poll <= TimeSpan.Zero)
        {
            errors.Add($"pollInterval: must be positive (got {poll})");
        }

        if (!(driftThreshold > 0 && driftThreshold <= 1))
        {
            errors.Add($"driftThreshold: must be in (0, 1] (got {driftThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (maxBatchRows < 1)
        {
            errors.Add($"maxBatchRows: must be at least 1 (got {maxBatchRows})");
        }

        var delay = microBatchDelay ?? TimeSpan.Zero;
        if (delay < TimeSpan.Zero || delay > MaxMicroBatchDelay)
        {
            errors.Add($"microBatchDelay: must be between 0 and {MaxMicroBatchDelay.TotalMilliseconds} ms (got {delay})");
        }

        if (!Enum.IsDefined(logLevel))
        {
            errors.Add($"logLevel: not a log level (got {(int)logLevel})");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid server options: {string.Join("; ", errors)}.");
        }

        DataDirectory = Path.GetFullPath(dataDirectory);
        StoreUri = storeUri;
        Urls = [.. urls];
        MaxRequestBodyBytes = maxRequestBodyBytes;
        MaxUploadBytes = maxUploadBytes;
        ShutdownTimeout = timeout;
        Models = [.. models.Select(m => m.Trim())];
        PollInterval = poll;
        DriftThreshold = driftThreshold;
        MaxBatchRows = maxBatchRows;
        MicroBatchDelay = delay;
        LogLevel = logLevel;
    }

    /// <summary>The full path of the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The store URI, or null for the data directory's SQLite database.</summary>
    public string? StoreUri { get; }

    /// <summary>The URLs to listen on.</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>The default request body limit in bytes.</summary>
    public long MaxRequestBodyBytes { get; }

    /// <summary>The dataset upload limit in bytes.</summary>
    public long MaxUploadBytes { get; }

    /// <summary>How long a graceful shutdown waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; }

    /// <summary>The model references to serve, as given (<c>pdm@champion</c>, <c>pdm/3</c>, a model file path); the serving layer parses them.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>How often the registry is polled for moved aliases and new versions.</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>The drift threshold, in (0, 1], kept for monitoring.</summary>
    public double DriftThreshold { get; }

    /// <summary>The most rows one prediction request may carry.</summary>
    public int MaxBatchRows { get; }

    /// <summary>How long concurrent single-row requests wait to be scored together; <see cref="TimeSpan.Zero"/> = micro-batching off.</summary>
    public TimeSpan MicroBatchDelay { get; }

    /// <summary>The minimum level of the console log (on stderr).</summary>
    public LogLevel LogLevel { get; }

    /// <summary>Whether <paramref name="url"/> is an http(s) URL with a host and a port 0-65535 that Kestrel can listen on.</summary>
    /// <remarks>Kestrel also accepts '*' and '+' as "any address", which Uri rejects; the shape is checked by hand.</remarks>
    internal static bool IsListenUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var rest = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? url[7..]
            : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..]
            : null;
        if (rest is null)
        {
            return false;
        }

        rest = rest.TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        return colon > 0 && int.TryParse(rest[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port is >= 0 and <= 65535 && !rest[..colon].Contains('/', StringComparison.Ordinal);
    }
}
