using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Testing;

namespace Vigil.Mqtt.Tests.Client;

/// <summary>A real mosquitto broker started by a test on its own free loopback port, with a generated config in a temp directory.</summary>
internal sealed class Mosquitto : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringBuilder _log = new();
    private readonly string _executable;
    private Process? _process;

    private Mosquitto(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    public int Port { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The path of a mosquitto tool (on PATH or in the usual sbin folders), or skips the test.</summary>
    public static string Require(string tool)
    {
        var found = Services.FindExecutable(tool)
            ?? new[] { "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Services.Unavailable($"{tool} is not installed (apt-get install mosquitto mosquitto-clients)");
        }

        return found;
    }

    /// <summary>Starts mosquitto; with <paramref name="user"/> and <paramref name="password"/> anonymous access is off and a password file is made with mosquitto_passwd.</summary>
    public static async Task<Mosquitto> StartAsync(string? user = null, string? password = null)
    {
        var broker = new Mosquitto(Require("mosquitto"), FreePort());
        var config = new StringBuilder()
            .AppendLine($"listener {broker.Port} 127.0.0.1")
            .AppendLine("persistence false")
            .AppendLine("log_dest stdout")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice");
        if (user is not null && password is not null)
        {
            var file = broker._dir.File("passwords");
            var made = await ProcessRunner.RunAsync(Require("mosquitto_passwd"), ["-b", "-c", file, user, password], TimeSpan.FromSeconds(10));
            if (!made.Succeeded)
            {
                throw new InvalidOperationException($"mosquitto_passwd failed: {made.Output}");
            }

            config.AppendLine("allow_anonymous false").AppendLine($"password_file {file}");
        }
        else
        {
            config.AppendLine("allow_anonymous true");
        }

        await File.WriteAllTextAsync(broker._dir.File("mosquitto.conf"), config.ToString());
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Kills the broker process (SIGKILL: no goodbyes to clients).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>Starts the broker again on the same port.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _dir.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task StartProcessAsync()
    {
        _process?.Dispose();
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(_dir.File("mosquitto.conf"));
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_log)
                {
                    _log.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Ready when the port accepts connections (bounded wait).
        for (var i = 0; i < 250; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}: {Log}");
            }

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            }
        }

        throw new InvalidOperationException($"mosquitto did not open port {Port}: {Log}");
    }
}
