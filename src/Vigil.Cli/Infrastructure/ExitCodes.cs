namespace Vigil.Cli;

/// <summary>The process exit codes of every <c>vigil</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input or the arguments were wrong; a one-line cause went to stderr.</summary>
    public const int UserError = 1;

    /// <summary>Vigil itself failed; the cause went to stderr.</summary>
    public const int InternalError = 2;
}
