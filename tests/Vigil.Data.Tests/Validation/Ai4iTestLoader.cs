using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Testing;

namespace Vigil.Data.Tests.Validation;

/// <summary>
/// A test-only reader for the AI4I 2020 file, which is plain comma-separated text without quotes.
/// `Type` and `Product ID` become categorical columns, every other column Float64. Replace with the real CSV reader.
/// </summary>
internal static class Ai4iTestLoader
{
    private static readonly HashSet<string> Categorical = new(StringComparer.Ordinal) { "Product ID", "Type" };

    /// <summary>Loads ai4i2020/ai4i2020.csv from the shared data folder, or skips the test when it is absent.</summary>
    public static DataFrame Load()
    {
        var path = RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<Column>();
        for (var c = 0; c < header.Length; c++)
        {
            var index = c;
            if (Categorical.Contains(header[c]))
            {
                columns.Add(CategoricalColumn.FromValues(header[c], [.. cells.Select(r => r[index])]));
            }
            else
            {
                columns.Add(new Float64Column(header[c], [.. cells.Select(r => double.Parse(r[index], CultureInfo.InvariantCulture))]));
            }
        }

        return new DataFrame(columns);
    }
}
