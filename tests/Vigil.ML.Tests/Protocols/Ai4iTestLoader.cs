using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.ML.Tests.Protocols;

/// <summary>
/// A throwaway AI4I 2020 loader for tests until the real CSV reader lands: comma split, no quoting;
/// "Type" and "Product ID" categorical, every other column Float64.
/// </summary>
internal static class Ai4iTestLoader
{
    public static DataFrame Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<Column>();
        for (var c = 0; c < header.Length; c++)
        {
            var column = c;
            if (header[c] is "Type" or "Product ID")
            {
                columns.Add(CategoricalColumn.FromValues(header[c], [.. cells.Select(r => r[column])]));
            }
            else
            {
                columns.Add(new Float64Column(header[c], [.. cells.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture))]));
            }
        }

        return new DataFrame(columns);
    }
}
