using System.Globalization;
using System.Text;

namespace Vigil.Data.Csv;

/// <summary>Writes quarantined rows to a CSV file with the header <c>line,reason,raw</c> for later inspection.</summary>
public static class QuarantineFile
{
    /// <summary>Writes <paramref name="rows"/> to a UTF-8 file at <paramref name="path"/>, replacing it; reason and raw text are always quoted.</summary>
    public static void Write(string path, IEnumerable<QuarantinedRow> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write("line,reason,raw\n");
        foreach (var row in rows)
        {
            writer.Write(row.LineNumber.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            CsvQuoting.WriteField(writer, row.Reason, force: true);
            writer.Write(',');
            CsvQuoting.WriteField(writer, row.RawText, force: true);
            writer.Write('\n');
        }
    }
}
