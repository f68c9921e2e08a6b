using System.Diagnostics;
using System.Text.Json;
using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class ServerCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Server_FreePort_AnswersHealthThenStopsOnSigterm()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        using var process = Start(dir, "server", "--urls", "http://127.0.0.1:0", "--json");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            // The first stdout line is the JSON announcement with the bound URL.
            using var startCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            startCts.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(startCts.Token);
            if (line is null)
            {
                Assert.Fail($"no announcement on stdout; stderr: {await StderrSoFar(process, stderr)}");
            }

            using var announcement = JsonDocument.Parse(line);
            var url = announcement.RootElement.GetProperty("url").GetString()!;
            url.ShouldStartWith("http://127.0.0.1:");
            url.ShouldNotEndWith(":0");

            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
            string health;
            try
            {
                health = await PollHealthAsync(http, ct);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{ex.Message}; exited: {process.HasExited}; stderr: {await StderrSoFar(process, stderr)}", ex);
            }

            health.ShouldContain("\"ok\"");

            // Graceful stop: SIGTERM where POSIX signals exist, else a plain kill.
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
                (await stderr).ShouldContain("Vigil server stopped.");
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

    [Fact]
    public async Task Server_HostPortAndLogLevelFromEnvironment_ListensThereAndLogsToStderr()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var env = new Dictionary<string, string> { ["API_HOST"] = "127.0.0.1", ["VIGIL_API_PORT"] = "0", ["API_PORT"] = "abc", ["LOG_LEVEL"] = "INFO" };
        using var process = Start(dir, env, "server", "--json");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            using var startCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            startCts.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(startCts.Token);
            if (line is null)
            {
                Assert.Fail($"no announcement on stdout; stderr: {await StderrSoFar(process, stderr)}");
            }

            // VIGIL_API_PORT=0 wins over API_PORT=abc, which is then never looked at.
            using var announcement = JsonDocument.Parse(line);
            var url = announcement.RootElement.GetProperty("url").GetString()!;
            url.ShouldStartWith("http://127.0.0.1:");
            url.ShouldNotEndWith(":0");
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
            (await PollHealthAsync(http, ct)).ShouldContain("\"ok\"");
            using (var ready = await http.GetAsync("/readyz", ct))
            {
                ready.IsSuccessStatusCode.ShouldBeTrue(await ready.Content.ReadAsStringAsync(ct));
            }

            var graceful = !OperatingSystem.IsWindows() && SendSigterm(process.Id);
            if (!graceful)
            {
                process.Kill(entireProcessTree: true);
            }

            using var stopCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stopCts.CancelAfter(StopTimeout);
            await process.WaitForExitAsync(stopCts.Token);
            (await process.StandardOutput.ReadToEndAsync(ct)).ShouldBeEmpty();
            if (graceful)
            {
                // Information-level host messages reach stderr at LOG_LEVEL=INFO (the default, warning, hides them).
                process.ExitCode.ShouldBe(0);
                (await stderr).ShouldContain("Microsoft.Hosting.Lifetime");
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

    [Fact]
    public void Server_InvalidPortInEnvironment_ExitsOneWithTheMessageBeforeBinding()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.RunWith(dir.Path, new Dictionary<string, string> { ["API_PORT"] = "abc" }, "server", "--json");

        r.ExitCode.ShouldBe(ExitCodes.UserError, r.ToString());
        r.Stderr.Trim().ShouldBe("vigil: API_PORT='abc' (environment): not a port number (1-65535)");
        r.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Server_SeveralInvalidSettings_OneLinePerProblem()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".vigil"));
        File.WriteAllText(Path.Combine(dir.Path, ".vigil", "appsettings.json"), """{"Vigil": {"ApiPort": 8080, "Workers": 4}}""");
        var env = new Dictionary<string, string> { ["VIGIL_LOG_LEVEL"] = "loud" };

        var r = CliRunner.RunWith(dir.Path, env, "server", "--drift-threshold", "2");

        r.ExitCode.ShouldBe(ExitCodes.UserError, r.ToString());
        var lines = r.Stderr.Trim().Split('\n');
        lines.Length.ShouldBe(3, r.ToString());
        lines.ShouldContain(l => l.StartsWith("vigil: VIGIL_LOG_LEVEL='loud' (environment): not a log level", StringComparison.Ordinal));
        lines.ShouldContain("vigil: --drift-threshold='2' (command line): not a number in (0, 1]");
        lines.ShouldContain(l => l.StartsWith("vigil: Vigil:Workers (file ", StringComparison.Ordinal) && l.Contains("appsettings.json): unknown setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_MissingConfigFile_ExitsOneNamingIt()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "server", "--config", "nope.json");

        r.ExitCode.ShouldBe(ExitCodes.UserError, r.ToString());
        r.Stderr.Trim().ShouldBe("vigil: --config='nope.json' (command line): file not found");
    }

    [Theory]
    [InlineData("--urls", "ftp://127.0.0.1:21", "ftp://127.0.0.1:21")]
    [InlineData("--store", "mysql://db/vigil", "mysql")]
    public void Server_InvalidArguments_ExitsOneWithCause(string option, string value, string named)
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "server", option, value);

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain(named);
    }

    private static Process Start(TempDirectory dir, params string[] args) => Start(dir, null, args);

    private static Process Start(TempDirectory dir, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(Path.Combine(dir.Path, ".vigil"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("VIGIL_DATA_DIR");
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        return Process.Start(psi)!;
    }

    private static async Task<string> PollHealthAsync(HttpClient http, CancellationToken ct)
    {
        HttpRequestException? last = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/health", ct);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(ct);
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, ct);
        }

        throw new TimeoutException($"/health never answered 200 ({last?.Message})");
    }

    private static async Task<string> StderrSoFar(Process process, Task<string> stderr)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        return await stderr;
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
