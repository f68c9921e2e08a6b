using System.Text;
using Vigil.Data.Csv;

namespace Vigil.Data.Tests.Csv;

internal static class CsvTestInput
{
    public static CsvReadResult Read(string csv, CsvReadOptions? options = null) =>
        CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options);

    public static CsvReadResult Read(byte[] csv, CsvReadOptions? options = null) =>
        CsvReader.Read(new MemoryStream(csv), options);
}
