using System.Globalization;

namespace Vigil.Metrics.Tests;

/// <summary>Reads sample values back out of an exposition text.</summary>
internal static class Exposition
{
    /// <summary>The value of the sample line starting with <paramref name="series"/> followed by a space, or null.</summary>
    public static double? Value(string text, string series)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                var value = line[(series.Length + 1)..];
                return value switch
                {
                    "+Inf" => double.PositiveInfinity,
                    "-Inf" => double.NegativeInfinity,
                    "NaN" => double.NaN,
                    _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
                };
            }
        }

        return null;
    }

    /// <summary>The metric names of the TYPE lines, in order.</summary>
    public static string[] TypeNames(string text) =>
        text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToArray();
}
