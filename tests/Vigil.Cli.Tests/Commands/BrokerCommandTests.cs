using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class BrokerCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Broker_FreePort_AcceptsAnMqttConnectThenStopsOnSigterm()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        using var process = Start(dir, "broker", "--port", "0", "--json");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            using var startCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            startCts.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(startCts.Token);
            line.ShouldNotBeNull("no announcement on stdout");
            using var announcement = JsonDocument.Parse(line);
            var port = announcement.RootElement.GetProperty("port").GetInt32();
            port.ShouldBeGreaterThan(0);
            announcement.RootElement.GetProperty("host").GetString().ShouldBe("127.0.0.1");
            announcement.RootElement.GetProperty("url").GetString().ShouldBe($"mqtt://127.0.0.1:{port}");

            // CONNECT (MQTT 3.1.1, clean session, client id "cli") answered by CONNACK accepted.
            using (var client = new TcpClient())
            {
                using var io = CancellationTokenSource.CreateLinkedTokenSource(ct);
                io.CancelAfter(StopTimeout);
                await client.ConnectAsync("127.0.0.1", port, io.Token);
                var stream = client.GetStream();
                await stream.WriteAsync(new byte[] { 0x10, 0x0F, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 60, 0, 3, (byte)'c', (byte)'l', (byte)'i' }, io.Token);
                var connack = new byte[4];
                await stream.ReadExactlyAsync(connack, io.Token);
                connack.ShouldBe(new byte[] { 0x20, 0x02, 0x00, 0x00 });
                await stream.WriteAsync(new byte[] { 0xE0, 0x00 }, io.Token);
            }

            var graceful = !OperatingSystem.IsWindows() && SendSigterm(process.Id);
            if (!graceful)
            {
                process.Kill(entireProcessTree: true);
            }

            using var stopCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stopCts.CancelAfter(StopTimeout);
            await process.WaitForExitAsync(stopCts.Token);
            if (graceful)
            {
                process.ExitCode.ShouldBe(0);
                var log = await stderr;
                log.ShouldContain("client cli connected");
                log.ShouldContain("Vigil MQTT broker stopped");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("--host", "not-an-ip", "not-an-ip")]
    [InlineData("--port", "70000", "port")]
    public void Broker_InvalidArguments_ExitsOneWithCause(string option, string value, string named)
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "broker", option, value);

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain(named);
    }

    private static Process Start(TempDirectory dir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    // The kill(1) utility, so the test needs no P/Invoke; false when it is missing or fails.
    private static bool SendSigterm(int pid)
    {
        if (Services.FindExecutable("kill") is not { } kill)
        {
            return false;
        }

        using var signal = Process.Start(new ProcessStartInfo(kill, ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        return signal.WaitForExit(TimeSpan.FromSeconds(10)) && signal.ExitCode == 0;
    }
}
