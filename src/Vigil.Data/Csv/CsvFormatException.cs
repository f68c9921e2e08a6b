namespace Vigil.Data.Csv;

/// <summary>Thrown when a CSV input cannot be loaded at all; the message names the line.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates an exception without a location.</summary>
    public CsvFormatException()
        : base("The CSV input could not be read (line unknown).")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public CsvFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception located at a 1-based line; the message is prefixed with <c>line N: </c>.</summary>
    public CsvFormatException(long lineNumber, string message)
        : base($"line {lineNumber}: {message}") => LineNumber = lineNumber;

    /// <summary>The 1-based physical line the problem was found on, or 0 when unknown.</summary>
    public long LineNumber { get; }
}
