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

    /// <summary>Creates validated options; throws one <see cref="ArgumentException"/> naming every invalid option.</summary>
    /// <param name="dataDirectory">The data directory (database, content, quarantine); made a full path.</param>
    /// <param name="storeUri">The store URI, or null for SQLite in the data directory.</param>
    /// <param name="urls">The http(s) URLs to listen on (port 0 picks a free port); default <see cref="DefaultUrl"/>.</param>
    /// <param name="maxRequestBodyBytes">The largest request body any endpoint accepts unless it declares its own limit.</param>
    /// <param name="maxUploadBytes">The largest dataset upload (whole multipart body).</param>
    /// <param name="shutdownTimeout">How long a graceful shutdown waits for in-flight requests (default 10 s).</param>
    public VigilServerOptions(
        string dataDirectory,
        string? storeUri = null,
        IReadOnlyList<string>? urls = null,
        long maxRequestBodyBytes = DefaultMaxRequestBodyBytes,
        long maxUploadBytes = DefaultMaxUploadBytes,
        TimeSpan? shutdownTimeout = null)
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

        var timeout = shutdownTimeout ?? TimeSpan.FromSeconds(10);
        if (timeout < TimeSpan.Zero)
        {
            errors.Add($"shutdownTimeout: must not be negative (got {timeout})");
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

    // Kestrel also accepts '*' and '+' as "any address", which Uri rejects; check the shape by hand.
    private static bool IsListenUrl(string? url)
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
