namespace Vigil.Data.Cmapss;

/// <summary>Scores RUL predictions by the C-MAPSS benchmark protocol (BENCHMARKS.md): RMSE, MAE, R² and the PHM08 score.</summary>
public static class RulProtocol
{
    /// <summary>Scores <paramref name="predictions"/> against <paramref name="truth"/> capped at <paramref name="cap"/> and uncapped.</summary>
    public static RulEvaluation Evaluate(ReadOnlySpan<double> predictions, ReadOnlySpan<double> truth, double cap = RulLabels.DefaultCap)
    {
        if (predictions.Length != truth.Length)
        {
            throw new ArgumentException($"{predictions.Length} predictions for {truth.Length} true values.", nameof(predictions));
        }

        if (predictions.Length == 0)
        {
            throw new ArgumentException("There are no predictions to score.", nameof(predictions));
        }

        if (!(cap > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "The RUL cap must be positive.");
        }

        var capped = new double[truth.Length];
        for (var i = 0; i < capped.Length; i++)
        {
            capped[i] = Math.Min(cap, truth[i]);
        }

        return new RulEvaluation(cap, Score(predictions, capped), Score(predictions, truth));
    }

    /// <summary>The PHM08 asymmetric score of one error d = prediction − truth: e^(−d/13) − 1 when early, e^(d/10) − 1 when late.</summary>
    public static double Phm08(double d) => d < 0 ? Math.Exp(-d / 13) - 1 : Math.Exp(d / 10) - 1;

    private static RulMetrics Score(ReadOnlySpan<double> predictions, ReadOnlySpan<double> truth)
    {
        var n = truth.Length;
        double mean = 0;
        foreach (var t in truth)
        {
            mean += t;
        }

        mean /= n;
        double sse = 0, sae = 0, sst = 0, phm = 0;
        for (var i = 0; i < n; i++)
        {
            var d = predictions[i] - truth[i];
            sse += d * d;
            sae += Math.Abs(d);
            sst += (truth[i] - mean) * (truth[i] - mean);
            phm += Phm08(d);
        }

        return new RulMetrics(n, Math.Sqrt(sse / n), sae / n, sst > 0 ? 1 - (sse / sst) : double.NaN, phm);
    }
}
