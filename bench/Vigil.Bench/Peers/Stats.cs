using System.Globalization;

namespace Vigil.Bench.Peers;

/// <summary>Mean ± sample standard deviation (ddof = 1, as the anchors report) and medians.</summary>
internal static class Stats
{
    public static (double Mean, double Std) MeanStd(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return (mean, std);
    }

    public static string Format(IReadOnlyList<double> values, int digits)
    {
        var (m, s) = MeanStd(values);
        var f = "F" + digits.ToString(CultureInfo.InvariantCulture);
        return $"{m.ToString(f, CultureInfo.InvariantCulture)} ± {s.ToString(f, CultureInfo.InvariantCulture)}";
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
