using System.Globalization;
using System.Text;

namespace Vigil.Bench.Csv;

/// <summary>Writes a seeded synthetic sensor table: an id text column, a categorical grade, and numeric columns.</summary>
internal static class CsvBenchData
{
    private static readonly string[] Grades = ["L", "M", "H", "X", "Z"];

    public static void Write(string path, int rows, int cols, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        var names = new List<string> { "id", "grade" };
        for (var j = 2; j < cols; j++)
        {
            names.Add($"sensor_{j - 1:00}");
        }

        writer.Write(string.Join(',', names));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < rows; i++)
        {
            writer.Write("ID-");
            writer.Write(i.ToString("D7", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Grades[random.Next(Grades.Length)]);
            for (var j = 2; j < cols; j++)
            {
                writer.Write(',');
                int n;
                switch (j % 3)
                {
                    case 0: // temperatures like 298.153
                        (290 + (random.NextDouble() * 20)).TryFormat(buffer, out n, "F3", CultureInfo.InvariantCulture);
                        break;
                    case 1: // counts like 1551
                        random.Next(0, 3000).TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
                        break;
                    default: // signed readings like -0.0123456
                        ((random.NextDouble() - 0.5) * 2).TryFormat(buffer, out n, "G7", CultureInfo.InvariantCulture);
                        break;
                }

                writer.Write(buffer[..n]);
            }

            writer.Write('\n');
        }
    }
}
