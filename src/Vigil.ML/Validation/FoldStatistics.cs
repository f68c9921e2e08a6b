namespace Vigil.ML.Validation;

/// <summary>Mean and sample standard deviation of per-fold scores.</summary>
internal static class FoldStatistics
{
    public static (double Mean, double StandardDeviation) Summarize(IEnumerable<double> scores)
    {
        var values = scores.ToArray();
        if (values.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        var mean = values.Average();
        var variance = values.Length < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance));
    }
}
