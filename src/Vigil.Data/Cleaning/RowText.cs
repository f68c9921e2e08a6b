using Vigil.Data.Csv;
using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>Renders one row of a frame as a CSV record (no line end), the way <see cref="CsvWriter"/> writes it.</summary>
internal static class RowText
{
    /// <summary>The values of <paramref name="row"/> in column order; missing values are empty fields.</summary>
    public static string Format(DataFrame frame, int row)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        for (var j = 0; j < frame.ColumnCount; j++)
        {
            if (j > 0)
            {
                writer.Write(',');
            }

            if (!frame[j].IsMissing(row))
            {
                CsvQuoting.WriteField(writer, frame[j].Format(row));
            }
        }

        return writer.ToString();
    }
}
