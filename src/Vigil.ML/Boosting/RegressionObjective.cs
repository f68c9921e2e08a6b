namespace Vigil.ML.Boosting;

/// <summary>
/// Squared error (g = w(ŷ − y), h = w; base = weighted mean) or Huber's loss with threshold δ (g = w·clip(ŷ − y, ±δ),
/// h = w; base = weighted median), after Friedman 2001, §4.1 and §4.4.
/// </summary>
internal sealed class RegressionObjective(double[] targets, double[] weights, RegressionLoss loss, double delta) : IBoostingObjective
{
    public int Outputs => 1;

    public int RowCount => targets.Length;

    public double[] BaseScores() => [loss == RegressionLoss.Huber ? WeightedMedian() : WeightedMean()];

    public void Gradients(ReadOnlySpan<double> scores, Span<GradientPair> gradients)
    {
        var huber = loss == RegressionLoss.Huber;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = scores[i] - targets[i];
            var w = weights[i];
            gradients[i] = new GradientPair((huber ? Math.Clamp(r, -delta, delta) : r) * w, w);
        }
    }

    public double Loss(ReadOnlySpan<double> scores)
    {
        double sum = 0, all = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var a = Math.Abs(scores[i] - targets[i]);
            var l = loss == RegressionLoss.Huber && a > delta ? delta * (a - (0.5 * delta)) : 0.5 * a * a;
            sum += weights[i] * l;
            all += weights[i];
        }

        return all > 0 ? sum / all : 0;
    }

    private double WeightedMean()
    {
        double sum = 0, all = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            sum += weights[i] * targets[i];
            all += weights[i];
        }

        return all > 0 ? sum / all : 0;
    }

    private double WeightedMedian()
    {
        var order = Enumerable.Range(0, targets.Length).Where(i => weights[i] > 0).OrderBy(i => targets[i]).ToArray();
        var half = order.Sum(i => weights[i]) / 2;
        double cumulative = 0;
        foreach (var i in order)
        {
            cumulative += weights[i];
            if (cumulative >= half)
            {
                return targets[i];
            }
        }

        return 0;
    }
}
