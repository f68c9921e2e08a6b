using System.Globalization;
using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;

namespace Vigil.Data.Tests.Generators;

/// <summary>A test-only reader for the AI4I 2020 file (plain comma-separated, no quoting), giving the generator's column kinds.</summary>
internal static class Ai4iCsv
{
    public static DataFrame Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        header.ShouldBe(Ai4iColumns.All);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<Column>();
        for (var c = 0; c < header.Length; c++)
        {
            var name = header[c];
            var text = rows.Select(r => r[c]).ToArray();
            columns.Add(name switch
            {
                Ai4iColumns.ProductId => new StringColumn(name, text),
                Ai4iColumns.Type => CategoricalColumn.FromValues(name, text),
                _ => new Float64Column(name, [.. text.Select(t => double.Parse(t, CultureInfo.InvariantCulture))]),
            });
        }

        return new DataFrame(columns);
    }
}
