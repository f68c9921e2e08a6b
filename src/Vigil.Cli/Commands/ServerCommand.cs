using System.CommandLine;
using System.Text.Json;
using Vigil.Server;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil server [--urls URL[;URL...]] [--store URI] [--json]</c>: serves Vigil's API, MLflow's REST API and health
/// endpoints over the data directory's store until Ctrl-C or SIGTERM, then drains in-flight requests and exits 0.
/// </summary>
public static class ServerCommand
{
    private static readonly JsonSerializerOptions OneLine = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated (port 0 picks a free port)",
            DefaultValueFactory = _ => VigilServerOptions.DefaultUrl,
            HelpName = "url",
        };
        var store = new Option<string?>("--store") { Description = "Store URI (default: sqlite:///<data-dir>/vigil.db)", HelpName = "uri" };
        var json = new Option<bool>("--json") { Description = "Print one JSON line with the listening URL on stdout once started" };
        var command = new Command("server", "Run the HTTP server (Vigil API, MLflow-compatible API, /health, /ready) until Ctrl-C") { urls, store, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var listen = parse.GetRequiredValue(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            VigilServer server;
            try
            {
                var options = new VigilServerOptions(context.Globals.ResolveDataDir(parse), parse.GetValue(store), listen);
                server = VigilServer.Create(options, context.Time);
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
                    throw new UserException($"Cannot listen on {string.Join(", ", listen)}: {ex.Message}", ex);
                }

                var addresses = server.Addresses;
                var url = addresses.Count > 0 ? addresses[0] : listen[0];
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

    private sealed record ServerStarted(string Url, IReadOnlyList<string> Urls, string DataDir);
}
