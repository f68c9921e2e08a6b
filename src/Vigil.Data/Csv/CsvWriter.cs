using System.Text;
using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>
/// Writes a <see cref="DataFrame"/> as comma-separated UTF-8 text with a header row and LF line ends that
/// <see cref="CsvReader"/> reads back to the same values: invariant culture, round-trip doubles ("R"), ISO-8601 UTC
/// timestamps, missing values as empty fields, and text quoted when it needs to be (including empty text and text equal
/// to a missing token, which a quoted field keeps as text).
/// </summary>
public static class CsvWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="frame"/> to <paramref name="writer"/>.</summary>
    public static void Write(DataFrame frame, TextWriter writer) => Write(frame, writer, includeHeader: true);

    /// <summary>Writes <paramref name="frame"/> as CSV, with or without the header line (appending chunks to one file writes it once).</summary>
    public static void Write(DataFrame frame, TextWriter writer, bool includeHeader)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(writer);
        var missingTokens = new HashSet<string>(CsvReadOptions.DefaultMissingTokens, StringComparer.Ordinal);
        if (includeHeader)
        {
            for (var j = 0; j < frame.ColumnCount; j++)
            {
                if (j > 0)
                {
                    writer.Write(',');
                }

                CsvQuoting.WriteField(writer, frame[j].Name);
            }

            writer.Write('\n');
        }

        for (var row = 0; row < frame.RowCount; row++)
        {
            for (var j = 0; j < frame.ColumnCount; j++)
            {
                if (j > 0)
                {
                    writer.Write(',');
                }

                var column = frame[j];
                if (column.IsMissing(row))
                {
                    continue;
                }

                var text = column.Format(row);
                var isText = column.Kind is ColumnKind.String or ColumnKind.Categorical;
                CsvQuoting.WriteField(writer, text, force: isText && missingTokens.Contains(text));
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="frame"/> to a UTF-8 file (no BOM) at <paramref name="path"/>, replacing it.</summary>
    public static void WriteFile(DataFrame frame, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 64 * 1024);
        Write(frame, writer);
    }
}
