using Vigil.Data.Cmapss;
using Vigil.Data.Frames;

namespace Vigil.Data.Tests.Cmapss;

/// <summary>A hand-made two-unit C-MAPSS file: unit 1 has cycles 1..5, unit 2 has cycles 1..2; s2 = 10·cycle + unit, s3 = −cycle.</summary>
internal static class TinyCmapss
{
    public static string Line(int unit, int cycle, double s2, double s3)
    {
        var values = new double[26];
        values[0] = unit;
        values[1] = cycle;
        values[4] = 100;
        values[5 + 1] = s2;
        values[5 + 2] = s3;
        return string.Join(' ', values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " ";
    }

    public static string TrainText =>
        string.Join('\n', [.. Enumerable.Range(1, 5).Select(c => Line(1, c, (10 * c) + 1, -c)), .. Enumerable.Range(1, 2).Select(c => Line(2, c, (10 * c) + 2, -c))]) + "\n";

    public static DataFrame Train() => CmapssReader.Read(new StringReader(TrainText), "train_tiny.txt");
}
