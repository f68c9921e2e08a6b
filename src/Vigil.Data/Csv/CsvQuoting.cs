namespace Vigil.Data.Csv;

/// <summary>RFC 4180 field quoting shared by the writers.</summary>
internal static class CsvQuoting
{
    /// <summary>Writes <paramref name="value"/>, quoted (with doubled quotes) when <paramref name="force"/> or when it holds a comma, quote, CR or LF.</summary>
    public static void WriteField(TextWriter writer, string value, bool force = false)
    {
        if (!force && value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
