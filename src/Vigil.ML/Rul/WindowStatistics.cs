using Vigil.Data.Cmapss;
using Vigil.Data.Frames;

namespace Vigil.ML.Rul;

/// <summary>Summarizes each RUL window per sensor by its mean, last value and least-squares slope — the anchors' tree-model input.</summary>
public static class WindowStatistics
{
    /// <summary>The feature names for <paramref name="sensors"/>: <c>&lt;sensor&gt;_mean</c>, <c>_last</c>, <c>_slope</c> per sensor.</summary>
    public static IReadOnlyList<string> FeatureNames(IReadOnlyList<string> sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        return [.. sensors.SelectMany(s => new[] { s + "_mean", s + "_last", s + "_slope" })];
    }

    /// <summary>The statistics as a feature matrix, one row per window, columns in <see cref="FeatureNames"/> order (3 per channel).</summary>
    public static FeatureMatrix Matrix(RulWindowSet windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var columns = Columns(windows, windows.Features);
        var n = windows.Count;
        var k = columns.Length;
        var values = new double[n * k];
        for (var c = 0; c < k; c++)
        {
            for (var w = 0; w < n; w++)
            {
                values[(w * k) + c] = columns[c][w];
            }
        }

        return new FeatureMatrix(n, k, values);
    }

    /// <summary>A frame with <c>&lt;sensor&gt;_mean</c>, <c>_last</c> and <c>_slope</c> for every sensor, one row per window.</summary>
    public static DataFrame Compute(RulWindowSet windows, IReadOnlyList<string> sensors)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(sensors);
        if (sensors.Count != windows.Features)
        {
            throw new ArgumentException($"{sensors.Count} sensor names for windows of {windows.Features} features.", nameof(sensors));
        }

        var columns = Columns(windows, sensors.Count);
        var result = new List<Column>(columns.Length);
        for (var f = 0; f < sensors.Count; f++)
        {
            result.Add(new Float64Column(sensors[f] + "_mean", columns[f * 3]));
            result.Add(new Float64Column(sensors[f] + "_last", columns[(f * 3) + 1]));
            result.Add(new Float64Column(sensors[f] + "_slope", columns[(f * 3) + 2]));
        }

        return new DataFrame(result);
    }

    private static double[][] Columns(RulWindowSet windows, int channels)
    {
        var n = windows.Count;
        var length = windows.Length;
        var columns = new double[channels * 3][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[n];
        }

        // Slope of value against position 0..L-1: Σ (t − t̄)(v − v̄) / Σ (t − t̄)².
        var tMean = (length - 1) / 2.0;
        var tVar = 0.0;
        for (var t = 0; t < length; t++)
        {
            tVar += (t - tMean) * (t - tMean);
        }

        for (var w = 0; w < n; w++)
        {
            var window = windows.Window(w);
            for (var f = 0; f < channels; f++)
            {
                double sum = 0, cov = 0;
                for (var t = 0; t < length; t++)
                {
                    sum += window[(t * channels) + f];
                }

                var mean = sum / length;
                for (var t = 0; t < length; t++)
                {
                    cov += (t - tMean) * (window[(t * channels) + f] - mean);
                }

                columns[f * 3][w] = mean;
                columns[(f * 3) + 1][w] = window[((length - 1) * channels) + f];
                columns[(f * 3) + 2][w] = tVar == 0 ? 0 : cov / tVar;
            }
        }

        return columns;
    }
}
