using System.Diagnostics;
using System.Text;

namespace Vigil.Testing;

/// <summary>The outcome of a finished (or abandoned) child process.</summary>
/// <param name="ExitCode">The exit code, or -1 when the process was killed on timeout.</param>
/// <param name="Output">Standard output and standard error, interleaved as received.</param>
/// <param name="TimedOut">True when the process overran its timeout and was killed.</param>
public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut)
{
    /// <summary>Whether the process exited with code 0 in time.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}

/// <summary>Runs external programs with a hard timeout, so a stuck tool can never hang a test run.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>; kills its process tree when <paramref name="timeout"/> passes.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            lock (output)
            {
                return new ProcessResult(-1, output.ToString(), TimedOut: true);
            }
        }

        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), TimedOut: false);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
