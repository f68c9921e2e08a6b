namespace Vigil.ML.Evaluation;

/// <summary>Regression metrics: MAE, MSE, RMSE, R², MAPE and the PHM08 remaining-useful-life score.</summary>
public sealed record RegressionMetrics
{
    /// <summary>Mean absolute error.</summary>
    public required double Mae { get; init; }

    /// <summary>Mean squared error.</summary>
    public required double Mse { get; init; }

    /// <summary>Root mean squared error.</summary>
    public required double Rmse { get; init; }

    /// <summary>Coefficient of determination, 1 − SS_res/SS_tot (NaN when the truth is constant).</summary>
    public required double R2 { get; init; }

    /// <summary>Mean absolute percentage error over rows whose truth is not zero, as a fraction (NaN when every truth is zero).</summary>
    public required double Mape { get; init; }

    /// <summary>The PHM08 challenge score Σ (e^(−d/13) − 1 if d &lt; 0 else e^(d/10) − 1), d = prediction − truth (Saxena et al. 2008).</summary>
    public required double Phm08 { get; init; }

    /// <summary>Number of rows.</summary>
    public required int Count { get; init; }

    /// <summary>Computes every metric from truths and predictions of equal length.</summary>
    public static RegressionMetrics Compute(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        if (truth.Length != predicted.Length)
        {
            throw new ArgumentException($"There are {truth.Length} truths for {predicted.Length} predictions.", nameof(predicted));
        }

        if (truth.IsEmpty)
        {
            throw new ArgumentException("Metrics need at least one row.", nameof(truth));
        }

        double abs = 0, sq = 0, mean = 0, ape = 0, phm = 0;
        var apeCount = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            mean += truth[i];
        }

        mean /= truth.Length;
        double total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var d = predicted[i] - truth[i];
            abs += Math.Abs(d);
            sq += d * d;
            total += (truth[i] - mean) * (truth[i] - mean);
            if (truth[i] != 0)
            {
                ape += Math.Abs(d / truth[i]);
                apeCount++;
            }

            phm += d < 0 ? Math.Exp(-d / 13.0) - 1 : Math.Exp(d / 10.0) - 1;
        }

        var n = truth.Length;
        return new RegressionMetrics
        {
            Mae = abs / n,
            Mse = sq / n,
            Rmse = Math.Sqrt(sq / n),
            R2 = total == 0 ? double.NaN : 1 - (sq / total),
            Mape = apeCount == 0 ? double.NaN : ape / apeCount,
            Phm08 = phm,
            Count = n,
        };
    }

    /// <summary>The metrics under their snake_case names (rmse, mae, mse, r2, mape, phm08).</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["rmse"] = Rmse,
        ["mae"] = Mae,
        ["mse"] = Mse,
        ["r2"] = R2,
        ["mape"] = Mape,
        ["phm08"] = Phm08,
        ["count"] = Count,
    };
}
