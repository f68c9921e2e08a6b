using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.Data.Cmapss;

/// <summary>Reads the NASA C-MAPSS turbofan files (space-separated, no header) into frames.</summary>
public static class CmapssReader
{
    /// <summary>The number of values on each row of a C-MAPSS train or test file.</summary>
    public const int ValuesPerRow = 26;

    /// <summary>The column names in file order: unit, cycle, setting1..3, s1..s21.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
        ["unit", "cycle", "setting1", "setting2", "setting3", .. Enumerable.Range(1, 21).Select(i => $"s{i}")];

    /// <summary>Reads a train or test file into a frame of Float64 columns named as in <see cref="ColumnNames"/>.</summary>
    public static DataFrame Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads train or test rows from <paramref name="reader"/>; <paramref name="source"/> names the input in error messages.</summary>
    public static DataFrame Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new List<double>[ValuesPerRow];
        for (var c = 0; c < ValuesPerRow; c++)
        {
            values[c] = [];
        }

        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != ValuesPerRow)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: expected {ValuesPerRow} values, found {parts.Length}.");
            }

            for (var c = 0; c < ValuesPerRow; c++)
            {
                values[c].Add(ParseValue(parts[c], source, lineNumber, c));
            }
        }

        return new DataFrame(ColumnNames.Select((name, c) => new Float64Column(name, [.. values[c]])));
    }

    /// <summary>Reads a RUL file (one true remaining useful life per test unit, in unit order).</summary>
    public static double[] ReadRul(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return ReadRul(reader, Path.GetFileName(path));
    }

    /// <summary>Reads RUL values from <paramref name="reader"/>; <paramref name="source"/> names the input in error messages.</summary>
    public static double[] ReadRul(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<double>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 1)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: expected 1 value, found {parts.Length}.");
            }

            result.Add(ParseValue(parts[0], source, lineNumber, 0));
        }

        return [.. result];
    }

    private static double ParseValue(string text, string source, int lineNumber, int index) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new InvalidDataException($"{source} line {lineNumber}: value {index + 1} '{text}' is not a number.");
}
