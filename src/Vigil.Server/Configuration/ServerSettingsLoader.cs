using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Configuration;

/// <summary>
/// Builds <see cref="ServerSettings"/> from the command line, the environment and an appsettings file. Pure: the caller
/// passes the environment and the file's text, so every rule is unit-testable.
/// </summary>
/// <remarks>
/// <para>Precedence, per setting: flag &gt; <c>VIGIL_</c>-prefixed environment variable &gt; plain environment variable
/// &gt; the appsettings file's <c>Vigil</c> section (same names in PascalCase) &gt; default. An empty environment variable
/// counts as unset. <c>--urls</c> wins over host and port from every source.</para>
/// <para>Every invalid value is reported (not just the first), one line each, naming the setting as its source spells it,
/// the value and the source: <c>API_PORT='abc' (environment): not a port number (1-65535)</c>. Unknown keys in the
/// <c>Vigil</c> section are errors too; other sections of the file (<c>Logging</c>, ...) are left alone.</para>
/// </remarks>
public static class ServerSettingsLoader
{
    /// <summary>The appsettings section holding the server's settings.</summary>
    public const string SectionName = "Vigil";

    /// <summary>The appsettings file read from the data directory when present (and <c>--config</c> is not given).</summary>
    public const string AppSettingsFileName = "appsettings.json";

    /// <summary>The prefix that every environment variable also accepts, winning over the plain name.</summary>
    public const string EnvironmentPrefix = "VIGIL_";

    /// <summary>The environment variable of the data directory (the CLI's global <c>--data-dir</c>).</summary>
    public const string DataDirVariable = "VIGIL_DATA_DIR";

    /// <summary>The data directory when neither <c>--data-dir</c> nor <see cref="DataDirVariable"/> is given.</summary>
    public const string DefaultDataDirectory = ".vigil";

    private const string PortRule = "not a port number (1-65535)";

    /// <summary>Every setting with its names in each source, default and rule, in documentation order.</summary>
    public static IReadOnlyList<ServerSettingInfo> Settings { get; } =
    [
        new("ModelPath", "MODEL_PATH", "--model", "none", "model references (`pdm@champion`, `pdm/3`, a model file path); comma-separated in the environment and file (or a JSON array), `--model` repeatable; none blank"),
        new("ApiHost", "API_HOST", "--host", ServerSettings.DefaultHost, "a host name or IPv4/IPv6 address; `0.0.0.0`, `::` or `*` = every interface"),
        new("ApiPort", "API_PORT", "--port", "5000", "1-65535 (0 picks a free port)"),
        new("LogLevel", "LOG_LEVEL", "--log-level", "warning", "trace, debug, information (info), warning (warn), error, critical (fatal) or none; any case"),
        new("DriftThreshold", "DRIFT_THRESHOLD", "--drift-threshold", "0.1", "a number in (0, 1]"),
        new("PollInterval", "POLL_INTERVAL", "--poll-interval", "5", "seconds, > 0 and at most 86400"),
        new("MaxBatch", "MAX_BATCH", "--max-batch", "10000", "rows per prediction request, at least 1"),
        new("MicroBatchDelayMs", "MICRO_BATCH_DELAY_MS", "--micro-batch-delay-ms", "0 (off)", "milliseconds, 0-1000"),
        new("MaxRequestBody", "MAX_REQUEST_BODY", "--max-request-body", "16MiB", "bytes > 0, or with a KiB/MiB/GiB suffix"),
        new("ShutdownTimeout", "SHUTDOWN_TIMEOUT", "--shutdown-timeout", "10", "seconds, 0-3600"),
        new("StoreUri", "STORE_URI", "--store", "`sqlite:///<data dir>/vigil.db`", "a store URI (see storage.md)"),
    ];

    /// <summary>The data directory chosen by <c>--data-dir</c>, else <see cref="DataDirVariable"/>, else <see cref="DefaultDataDirectory"/> (not made absolute).</summary>
    public static string ResolveDataDirectory(ServerFlags flags, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrWhiteSpace(flags.DataDir) ? flags.DataDir
            : environment.TryGetValue(DataDirVariable, out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv
            : DefaultDataDirectory;
    }

    /// <summary>
    /// Resolves and validates every setting. Throws <see cref="ServerSettingsException"/> listing every problem.
    /// </summary>
    /// <param name="flags">The command-line values (null = not given).</param>
    /// <param name="environment">The environment variables (the CLI passes the process's).</param>
    /// <param name="appSettingsJson">The appsettings file's text, or null when there is none.</param>
    /// <param name="appSettingsSource">How errors name the file (its path).</param>
    public static ServerSettings Load(
        ServerFlags flags,
        IReadOnlyDictionary<string, string?> environment,
        string? appSettingsJson = null,
        string appSettingsSource = AppSettingsFileName)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(appSettingsSource);
        var errors = new List<string>();
        var section = ReadSection(appSettingsJson, appSettingsSource, errors);
        var sources = new Sources(environment, section, $"file {appSettingsSource}", errors);

        var models = sources.Models(flags.Models);
        var host = sources.Get(Setting("ApiHost"), flags.Host, TryHost, "not a host name or IP address (e.g. 127.0.0.1, 0.0.0.0, localhost, ::1)", ServerSettings.DefaultHost);
        var port = sources.Get(Setting("ApiPort"), flags.Port, TryPort, PortRule, ServerSettings.DefaultPort);
        var urls = Urls(flags.Urls, errors);
        var logLevel = sources.Get(Setting("LogLevel"), flags.LogLevel, TryLogLevel,
            "not a log level (trace, debug, information/info, warning/warn, error, critical/fatal, none)", VigilServerOptions.DefaultLogLevel);
        var drift = sources.Get(Setting("DriftThreshold"), flags.DriftThreshold, TryFraction, "not a number in (0, 1]", VigilServerOptions.DefaultDriftThreshold);
        var poll = sources.Get(Setting("PollInterval"), flags.PollInterval, (string t, out TimeSpan v) => TrySeconds(t, 86_400, allowZero: false, out v),
            "not a number of seconds > 0 (at most 86400)", VigilServerOptions.DefaultPollInterval);
        var maxBatch = sources.Get(Setting("MaxBatch"), flags.MaxBatch, (string t, out int v) => TryInt(t, 1, int.MaxValue, out v),
            "not a whole number of rows (at least 1)", VigilServerOptions.DefaultMaxBatchRows);
        var delay = sources.Get(Setting("MicroBatchDelayMs"), flags.MicroBatchDelayMs, TryMilliseconds,
            "not a whole number of milliseconds from 0 (off) to 1000", TimeSpan.Zero);
        var body = sources.Get(Setting("MaxRequestBody"), flags.MaxRequestBody, TrySize,
            "not a size in bytes > 0 (e.g. 16777216 or 16MiB)", VigilServerOptions.DefaultMaxRequestBodyBytes);
        var shutdown = sources.Get(Setting("ShutdownTimeout"), flags.ShutdownTimeout, (string t, out TimeSpan v) => TrySeconds(t, 3_600, allowZero: true, out v),
            "not a number of seconds from 0 to 3600", VigilServerOptions.DefaultShutdownTimeout);
        var store = sources.Get<string?>(Setting("StoreUri"), flags.Store, TryNonBlank, "must not be blank", null);

        if (errors.Count > 0)
        {
            throw new ServerSettingsException(errors);
        }

        try
        {
            return new ServerSettings(
                ResolveDataDirectory(flags, environment), host, port, urls, models, logLevel, drift, poll, maxBatch, delay, body, shutdown, store);
        }
        catch (ArgumentException ex)
        {
            throw new ServerSettingsException(ex.Message, ex);
        }
    }

    private static ServerSettingInfo Setting(string key) => Settings.First(s => s.Key == key);

    private static List<string>? Urls(string? flag, List<string> errors)
    {
        if (flag is null)
        {
            return null;
        }

        var urls = flag.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (urls.Count == 0)
        {
            errors.Add($"--urls='{flag}' (command line): no URL given");
        }

        foreach (var url in urls.Where(u => !VigilServerOptions.IsListenUrl(u)))
        {
            errors.Add($"--urls='{flag}' (command line): '{url}' is not an http:// or https:// URL with a host and port (e.g. {VigilServerOptions.DefaultUrl})");
        }

        return urls;
    }

    private static Dictionary<string, JsonElement>? ReadSection(string? json, string source, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"file {source}: expected a JSON object with a \"{SectionName}\" section");
                return null;
            }

            var found = document.RootElement.EnumerateObject().Where(p => string.Equals(p.Name, SectionName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 0)
            {
                return null;
            }

            var section = found[^1].Value;
            if (section.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{SectionName} (file {source}): expected a JSON object of settings, got {section.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in section.EnumerateObject())
            {
                if (Settings.Any(s => string.Equals(s.Key, property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    values[property.Name] = property.Value.Clone();
                }
                else
                {
                    errors.Add($"{SectionName}:{property.Name} (file {source}): unknown setting (known: {string.Join(", ", Settings.Select(s => s.Key))})");
                }
            }

            return values;
        }
        catch (JsonException ex)
        {
            errors.Add($"file {source}: not valid JSON ({ex.Message})");
            return null;
        }
    }

    private delegate bool Parser<T>(string text, out T value);

    /// <summary>Finds each setting's winning value and collects the problems of the values that win.</summary>
    private sealed class Sources(IReadOnlyDictionary<string, string?> environment, Dictionary<string, JsonElement>? section, string fileSource, List<string> errors)
    {
        public T Get<T>(ServerSettingInfo setting, string? flag, Parser<T> parse, string problem, T fallback)
        {
            if (Find(setting, flag) is not { } raw)
            {
                return fallback;
            }

            if (raw.Text is null || raw.Items is not null)
            {
                errors.Add($"{raw.Name} ({raw.Source}): expected a string or a number");
                return fallback;
            }

            if (parse(raw.Text.Trim(), out var value))
            {
                return value;
            }

            errors.Add($"{raw.Name}='{raw.Text}' ({raw.Source}): {problem}");
            return fallback;
        }

        public List<string> Models(IReadOnlyList<string>? flags)
        {
            var setting = Setting("ModelPath");
            List<(string Name, string Text, string Source, IReadOnlyList<string> Items)> given = [];
            if (flags is { Count: > 0 })
            {
                given.AddRange(flags.Select(f => (setting.Flag, f, "command line", (IReadOnlyList<string>)[f])));
            }
            else if (Find(setting, null) is { } raw)
            {
                if (raw.Items is not null)
                {
                    given.Add((raw.Name, raw.Text ?? "[...]", raw.Source, raw.Items));
                }
                else if (raw.Text is null)
                {
                    errors.Add($"{raw.Name} ({raw.Source}): expected a comma-separated string or an array of strings");
                }
                else
                {
                    given.Add((raw.Name, raw.Text, raw.Source, raw.Text.Split(',')));
                }
            }

            var models = new List<string>();
            foreach (var (name, text, source, items) in given)
            {
                foreach (var item in items.Select(i => i.Trim()))
                {
                    if (item.Length == 0)
                    {
                        errors.Add($"{name}='{text}' ({source}): empty model reference");
                    }
                    else if (!models.Contains(item, StringComparer.Ordinal))
                    {
                        models.Add(item);
                    }
                }
            }

            return models;
        }

        private Raw? Find(ServerSettingInfo setting, string? flag)
        {
            if (flag is not null)
            {
                return new Raw(setting.Flag, flag, "command line");
            }

            foreach (var name in new[] { EnvironmentPrefix + setting.EnvironmentVariable, setting.EnvironmentVariable })
            {
                if (environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return new Raw(name, value, "environment");
                }
            }

            if (section is not null && section.TryGetValue(setting.Key, out var element) && element.ValueKind != JsonValueKind.Null)
            {
                var name = $"{SectionName}:{setting.Key}";
                return element.ValueKind switch
                {
                    JsonValueKind.String => new Raw(name, element.GetString(), fileSource),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new Raw(name, element.GetRawText(), fileSource),
                    JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                        new Raw(name, null, fileSource, [.. element.EnumerateArray().Select(e => e.GetString()!)]) { Text = element.GetRawText() },
                    _ => new Raw(name, null, fileSource),
                };
            }

            return null;
        }
    }

    /// <summary>One source's value of a setting: its name there, its text (null when not a scalar), and for lists the items.</summary>
    private sealed record Raw(string Name, string? Text, string Source, IReadOnlyList<string>? Items = null);

    private static bool TryNonBlank(string text, out string? value)
    {
        value = text;
        return text.Length > 0;
    }

    private static bool TryHost(string text, out string value)
    {
        value = text;
        return ServerSettings.IsHost(text);
    }

    private static bool TryPort(string text, out int value) => TryInt(text, 0, 65_535, out value);

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryFraction(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && value <= 1;

    private static bool TrySeconds(string text, double max, bool allowZero, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds > max || seconds < 0 || (seconds == 0 && !allowZero))
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryMilliseconds(string text, out TimeSpan value)
    {
        var ok = TryInt(text, 0, (int)VigilServerOptions.MaxMicroBatchDelay.TotalMilliseconds, out var ms);
        value = TimeSpan.FromMilliseconds(ms);
        return ok;
    }

    private static bool TrySize(string text, out long value)
    {
        value = 0;
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        var unit = text[digits..].Trim().ToLowerInvariant();
        long multiplier = unit switch
        {
            "" or "b" => 1,
            "kib" => 1L << 10,
            "mib" => 1L << 20,
            "gib" => 1L << 30,
            _ => 0,
        };
        if (digits == 0 || multiplier == 0 || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        try
        {
            value = checked(number * multiplier);
        }
        catch (OverflowException)
        {
            return false;
        }

        return value > 0;
    }

    private static bool TryLogLevel(string text, out LogLevel value)
    {
        LogLevel? level = text.ToLowerInvariant() switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "information" or "info" => LogLevel.Information,
            "warning" or "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "critical" or "fatal" => LogLevel.Critical,
            "none" => LogLevel.None,
            _ => null,
        };
        value = level ?? LogLevel.None;
        return level is not null;
    }
}

/// <summary>One server setting as each source names it, with its default and rule (the documentation's settings table).</summary>
/// <param name="Key">The key in the appsettings file's <c>Vigil</c> section, e.g. <c>ApiPort</c>.</param>
/// <param name="EnvironmentVariable">The environment variable, e.g. <c>API_PORT</c> (also accepted with the <c>VIGIL_</c> prefix).</param>
/// <param name="Flag">The <c>vigil server</c> flag, e.g. <c>--port</c>.</param>
/// <param name="Default">The default, as documented.</param>
/// <param name="Rule">What a valid value is.</param>
public sealed record ServerSettingInfo(string Key, string EnvironmentVariable, string Flag, string Default, string Rule);
