using Spectre.Console;

namespace Vigil.Cli;

/// <summary>The command line's two streams: results on <see cref="Out"/>, progress and diagnostics on <see cref="Error"/>.</summary>
public sealed class CliConsole
{
    /// <summary>Wraps the given writers; <paramref name="interactive"/> enables live progress bars on stderr.</summary>
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        OutConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
            Ansi = interactive && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!interactive || Console.IsOutputRedirected)
        {
            // A pipe has no width: keep tables on one line per row for scripts and logs.
            OutConsole.Profile.Width = RedirectedWidth;
        }
    }

    private const int RedirectedWidth = 200;

    /// <summary>Where results go (one JSON document under --json).</summary>
    public TextWriter Out { get; }

    /// <summary>Where progress, warnings and errors go.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether stderr is a terminal that can show live progress.</summary>
    public bool Interactive { get; }

    /// <summary>A Spectre console over stdout, for human-readable tables.</summary>
    public IAnsiConsole OutConsole { get; }

    /// <summary>A Spectre console over stderr, for progress.</summary>
    public IAnsiConsole ErrorConsole { get; }
}
