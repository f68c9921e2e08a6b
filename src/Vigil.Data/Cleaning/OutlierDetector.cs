using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Data.Internal;
using Vigil.Data.Profiling;

namespace Vigil.Data.Cleaning;

/// <summary>Fits outlier bounds on a training column's observed values and finds the values outside them.</summary>
internal static class OutlierDetector
{
    /// <summary>
    /// The bounds of <paramref name="method"/> for <paramref name="column"/>, or null when it has fewer than two observed
    /// values or (z-score) no spread. Z-score uses the mean and sample standard deviation (n − 1); IQR uses Tukey's fences
    /// with quartiles by linear interpolation (Tukey, J. W. (1977), <i>Exploratory Data Analysis</i>).
    /// </summary>
    public static OutlierFit? Fit(Float64Column column, OutlierMethod method, double threshold)
    {
        var sorted = column.Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length < 2)
        {
            return null;
        }

        if (method == OutlierMethod.ZScore)
        {
            var mean = sorted.Sum() / sorted.Length;
            var squares = sorted.Sum(v => (v - mean) * (v - mean));
            var std = Math.Sqrt(squares / (sorted.Length - 1));
            return std > 0 && double.IsFinite(std)
                ? new OutlierFit(column.Name, method, threshold, mean, std, mean - (threshold * std), mean + (threshold * std))
                : null;
        }

        Array.Sort(sorted);
        var q1 = NumericProfiler.Quantile(sorted, 0.25);
        var q3 = NumericProfiler.Quantile(sorted, 0.75);
        var iqr = q3 - q1;
        return new OutlierFit(column.Name, method, threshold, q1, q3, q1 - (threshold * iqr), q3 + (threshold * iqr));
    }

    /// <summary>Whether <paramref name="value"/> lies strictly outside the bounds; missing values never do.</summary>
    public static bool IsOutlier(OutlierFit fit, double value) => value < fit.Lower || value > fit.Upper;

    /// <summary>Why <paramref name="value"/> is an outlier, e.g. <c>'Torque [Nm]' = 98.1 is an outlier (|z| = 5.8 > 3)</c>.</summary>
    public static string Describe(OutlierFit fit, double value)
    {
        var evidence = fit.Method == OutlierMethod.ZScore
            ? string.Create(CultureInfo.InvariantCulture, $"|z| = {Math.Abs(value - fit.Center) / fit.Spread:0.0##} > {NumberText.Format(fit.Threshold)}")
            : $"outside [{NumberText.Format(fit.Lower)}, {NumberText.Format(fit.Upper)}] = Q1 − {NumberText.Format(fit.Threshold)}·IQR .. Q3 + {NumberText.Format(fit.Threshold)}·IQR";
        return string.Create(CultureInfo.InvariantCulture, $"'{fit.Column}' = {NumberText.Format(value)} is an outlier ({evidence})");
    }
}
