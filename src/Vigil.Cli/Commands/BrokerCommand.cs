using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Vigil.Mqtt.Broker;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil broker [--port 1883] [--host 127.0.0.1] [--json]</c>: runs the embedded MQTT 3.1.1 broker until Ctrl-C or SIGTERM, then
/// closes every connection and exits 0. Under <c>--json</c> one line with the bound address goes to stdout once listening;
/// connections and the final counters are reported on stderr.
/// </summary>
public static class BrokerCommand
{
    private static readonly JsonSerializerOptions OneLine = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = new Option<int>("--port")
        {
            Description = "TCP port to listen on (0 picks a free port)",
            DefaultValueFactory = _ => MqttBrokerOptions.DefaultPort,
            HelpName = "port",
        };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on (0.0.0.0 or :: for every interface)",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "address",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON line with the bound address on stdout once listening" };
        var command = new Command("broker", "Run the embedded MQTT 3.1.1 broker (QoS 0/1, retained, wills, persistent sessions) until Ctrl-C")
        {
            port, host, json,
        };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var hostText = parse.GetRequiredValue(host);
            var address = ParseAddress(hostText);
            MqttBrokerOptions options;
            try
            {
                options = new MqttBrokerOptions(address, parse.GetValue(port));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message, ex);
            }

            var broker = new MqttBroker(options, context.Time);
            await using (broker.ConfigureAwait(false))
            {
                try
                {
                    await broker.StartAsync(ct).ConfigureAwait(false);
                }
                catch (SocketException ex)
                {
                    throw new UserException($"Cannot listen on {hostText}:{options.Port}: {ex.Message}", ex);
                }

                var endPoint = broker.LocalEndPoint;
                var url = $"mqtt://{FormatHost(endPoint.Address)}:{endPoint.Port.ToString(CultureInfo.InvariantCulture)}";
                var log = new Lock();
                void Progress(string line)
                {
                    lock (log)
                    {
                        context.Console.Error.WriteLine(line);
                    }
                }

                broker.ClientConnected += (_, e) => Progress(
                    $"client {e.ClientId} connected from {e.RemoteEndPoint} (clean session {e.CleanSession}, session present {e.SessionPresent})");
                broker.ClientDisconnected += (_, e) => Progress(
                    $"client {e.ClientId} disconnected: {e.Reason}{(e.WillPublished ? "; will published" : string.Empty)}");

                await context.Console.Error.WriteLineAsync($"Vigil MQTT broker listening on {url}; Ctrl-C to stop.").ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                        new BrokerStarted(url, endPoint.Address.ToString(), endPoint.Port), OneLine)).ConfigureAwait(false);
                    await context.Console.Out.FlushAsync(ct).ConfigureAwait(false);
                }

                await WaitForShutdownAsync(ct).ConfigureAwait(false);
                await broker.StopAsync(CancellationToken.None).ConfigureAwait(false);
                var stats = broker.GetStatistics();
                await context.Console.Error.WriteLineAsync(
                    $"Vigil MQTT broker stopped: {stats.ConnectionsAccepted} connections, {stats.MessagesReceived} messages in, " +
                    $"{stats.MessagesSent} out, {stats.MessagesDropped} dropped.").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Completes when <paramref name="cancellationToken"/> is cancelled (Ctrl-C) or the process receives SIGTERM.</summary>
    private static async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.TrySetResult();
        });
        using var registration = cancellationToken.Register(() => stop.TrySetResult());
        await stop.Task.ConfigureAwait(false);
    }

    private static IPAddress ParseAddress(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out var address)
            ? address
            : throw new UserException($"--host '{host}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1).");
    }

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private sealed record BrokerStarted(string Url, string Host, int Port);
}
