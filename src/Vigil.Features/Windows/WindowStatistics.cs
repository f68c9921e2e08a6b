namespace Vigil.Features.Windows;

/// <summary>
/// The one kernel that both the batch transform and the online state call on the same oldest-first window, so their
/// results agree bit for bit. Two passes (sums, then deviations from the mean) keep the standard deviation and the
/// slope free of the cancellation of running sums of squares.
/// </summary>
internal static class WindowStatistics
{
    /// <summary>Writes one value per requested statistic, in order; all NaN when fewer than <paramref name="minPeriods"/> values are present.</summary>
    public static void Compute(ReadOnlySpan<double> window, ReadOnlySpan<WindowStatistic> statistics, int minPeriods, Span<double> destination)
    {
        var n = 0;
        var sum = 0.0;
        var positionSum = 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = 0; i < window.Length; i++)
        {
            var v = window[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            n++;
            sum += v;
            positionSum += i;
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        if (n == 0 || n < minPeriods)
        {
            destination[..statistics.Length].Fill(double.NaN);
            return;
        }

        var mean = sum / n;
        var meanPosition = positionSum / n;
        var squares = 0.0;
        var cross = 0.0;
        var positionSquares = 0.0;
        var spread = statistics.Contains(WindowStatistic.Std) || statistics.Contains(WindowStatistic.Slope);
        for (var i = 0; spread && i < window.Length; i++)
        {
            var v = window[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            var dv = v - mean;
            var dp = i - meanPosition;
            squares += dv * dv;
            cross += dp * dv;
            positionSquares += dp * dp;
        }

        for (var s = 0; s < statistics.Length; s++)
        {
            destination[s] = statistics[s] switch
            {
                WindowStatistic.Mean => mean,
                WindowStatistic.Std => n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN,
                WindowStatistic.Min => min,
                WindowStatistic.Max => max,
                WindowStatistic.Slope => n > 1 ? cross / positionSquares : double.NaN,
                _ => double.NaN,
            };
        }
    }

    /// <summary>The output-name suffix of a statistic, e.g. "mean".</summary>
    public static string Suffix(WindowStatistic statistic) => statistic switch
    {
        WindowStatistic.Mean => "mean",
        WindowStatistic.Std => "std",
        WindowStatistic.Min => "min",
        WindowStatistic.Max => "max",
        WindowStatistic.Slope => "slope",
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "Unknown window statistic."),
    };
}
