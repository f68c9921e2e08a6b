using System.Collections;
using System.CommandLine;
using System.Text.Json;
using Vigil.Server;
using Vigil.Server.Configuration;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil server [--model REF]... [--host H] [--port P | --urls URL[;URL...]] [--config FILE] [--json] ...</c>: serves
/// Vigil's API, MLflow's REST API, health, the V2 server routes and the OpenAPI document over the data directory's store
/// until Ctrl-C or SIGTERM, then drains in-flight requests and exits 0. Settings come from flags, <c>VIGIL_</c>-prefixed
/// and plain environment variables and an appsettings file, in that order (<see cref="ServerSettingsLoader"/>); invalid
/// settings are printed one per line and exit 1 before any port is bound.
/// </summary>
public static class ServerCommand
{
    private static readonly JsonSerializerOptions OneLine = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var models = new Option<string[]>("--model")
        {
            Description = "A model to serve: pdm@champion, pdm/3 or a model file; repeatable (env MODEL_PATH, comma-separated)",
            HelpName = "ref",
            AllowMultipleArgumentsPerToken = false,
        };
        var host = Text("--host", "Host or IP address to listen on (env API_HOST; default 127.0.0.1; 0.0.0.0 = every interface)", "host");
        var port = Text("--port", "Port to listen on (env API_PORT; default 5000; 0 picks a free port)", "port");
        var urls = Text("--urls", "Where to listen, ';'-separated; wins over --host/--port and their variables", "url");
        var logLevel = Text("--log-level", "Console log level on stderr: trace, debug, info, warning, error, critical (env LOG_LEVEL; default warning)", "level");
        var drift = Text("--drift-threshold", "Drift threshold in (0, 1] for monitoring (env DRIFT_THRESHOLD; default 0.1)", "x");
        var poll = Text("--poll-interval", "Seconds between registry polls for moved aliases (env POLL_INTERVAL; default 5)", "seconds");
        var maxBatch = Text("--max-batch", "Most rows per prediction request (env MAX_BATCH; default 10000)", "rows");
        var microBatch = Text("--micro-batch-delay-ms", "Micro-batching delay for concurrent single requests, 0 = off (env MICRO_BATCH_DELAY_MS)", "ms");
        var maxBody = Text("--max-request-body", "Request body limit in bytes or with KiB/MiB/GiB (env MAX_REQUEST_BODY; default 16MiB)", "size");
        var shutdown = Text("--shutdown-timeout", "Seconds a graceful shutdown drains in-flight requests (env SHUTDOWN_TIMEOUT; default 10)", "seconds");
        var store = Text("--store", "Store URI (env STORE_URI; default: sqlite:///<data-dir>/vigil.db)", "uri");
        var config = Text("--config", "Appsettings file with a \"Vigil\" section (default: <data-dir>/appsettings.json when present)", "file");
        var json = new Option<bool>("--json") { Description = "Print one JSON line with the listening URL on stdout once started" };
        var command = new Command("server", "Run the HTTP server (Vigil API, MLflow-compatible API, health, OpenAPI) until Ctrl-C")
        {
            models, host, port, urls, logLevel, drift, poll, maxBatch, microBatch, maxBody, shutdown, store, config, json,
        };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var flags = new ServerFlags
            {
                DataDir = parse.GetValue(context.Globals.DataDir),
                Models = parse.GetValue(models),
                Host = parse.GetValue(host),
                Port = parse.GetValue(port),
                Urls = parse.GetValue(urls),
                LogLevel = parse.GetValue(logLevel),
                DriftThreshold = parse.GetValue(drift),
                PollInterval = parse.GetValue(poll),
                MaxBatch = parse.GetValue(maxBatch),
                MicroBatchDelayMs = parse.GetValue(microBatch),
                MaxRequestBody = parse.GetValue(maxBody),
                ShutdownTimeout = parse.GetValue(shutdown),
                Store = parse.GetValue(store),
            };

            ServerSettings settings;
            try
            {
                settings = LoadSettings(flags, parse.GetValue(config));
            }
            catch (ServerSettingsException ex)
            {
                foreach (var error in ex.Errors)
                {
                    await context.Console.Error.WriteLineAsync($"vigil: {error.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                }

                return ExitCodes.UserError;
            }

            VigilServer server;
            try
            {
                server = VigilServer.Create(settings.Options, context.Time);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new UserException(ex.Message);
            }

            await using (server.ConfigureAwait(false))
            {
                try
                {
                    await server.StartAsync(ct).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    throw new UserException($"Cannot listen on {string.Join(", ", settings.ListenUrls)}: {ex.Message}", ex);
                }

                var addresses = server.Addresses;
                var url = addresses.Count > 0 ? addresses[0] : settings.ListenUrls[0];
                await context.Console.Error.WriteLineAsync(
                    $"Vigil server listening on {string.Join(", ", addresses)} (data {server.Options.DataDirectory}); Ctrl-C to stop.").ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                        new ServerStarted(url, addresses, server.Options.DataDirectory), OneLine)).ConfigureAwait(false);
                    await context.Console.Out.FlushAsync(ct).ConfigureAwait(false);
                }

                await server.WaitForShutdownAsync(ct).ConfigureAwait(false);
                await context.Console.Error.WriteLineAsync("Vigil server stopped.").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Loads the settings from <paramref name="flags"/>, the process environment and the appsettings file:
    /// <paramref name="configFile"/> when given (it must exist), else <c>appsettings.json</c> in the data directory when present.
    /// </summary>
    public static ServerSettings LoadSettings(ServerFlags flags, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        string path;
        string source;
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new ServerSettingsException($"--config='{configFile}' (command line): file not found");
            }

            (path, source) = (configFile, configFile);
        }
        else
        {
            path = Path.Combine(ServerSettingsLoader.ResolveDataDirectory(flags, environment), ServerSettingsLoader.AppSettingsFileName);
            source = path;
        }

        string? text = null;
        if (File.Exists(path))
        {
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ServerSettingsException($"file {source}: cannot be read ({ex.Message})", ex);
            }
        }

        return ServerSettingsLoader.Load(flags, environment, text, source);
    }

    private static Option<string?> Text(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName };

    private sealed record ServerStarted(string Url, IReadOnlyList<string> Urls, string DataDir);
}
