using System.CommandLine;
using Vigil.Data.Csv;

namespace Vigil.Cli;

/// <summary>What every command handler receives: the console, the clock and the global options.</summary>
public sealed class CommandContext(CliConsole console, TimeProvider time, GlobalOptions globals)
{
    /// <summary>The console streams.</summary>
    public CliConsole Console { get; } = console;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The global options.</summary>
    public GlobalOptions Globals { get; } = globals;

    /// <summary>Wraps a handler with Vigil's error conventions: user errors exit 1 with one line, anything else exits 2.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Handle(Func<ParseResult, CancellationToken, Task<int>> handler) =>
        async (parse, cancellationToken) =>
        {
            try
            {
                return await handler(parse, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsUserError(ex))
            {
                await Console.Error.WriteLineAsync($"vigil: {OneLine(ex.Message)}").ConfigureAwait(false);
                return ExitCodes.UserError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("vigil: cancelled").ConfigureAwait(false);
                return ExitCodes.UserError;
            }
            catch (Exception ex)
            {
                await Console.Error.WriteLineAsync($"vigil: internal error: {ex.GetType().Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
                if (Environment.GetEnvironmentVariable("VIGIL_DEBUG") is "1")
                {
                    await Console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
                }

                return ExitCodes.InternalError;
            }
        };

    private static bool IsUserError(Exception ex) =>
        ex is UserException or Vigil.Tracking.TrackingException or CsvFormatException or FileNotFoundException or DirectoryNotFoundException or FormatException;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
