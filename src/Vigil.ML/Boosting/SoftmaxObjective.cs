namespace Vigil.ML.Boosting;

/// <summary>Multiclass log-loss on K raw scores: g_k = w(p_k − [y = k]), h_k = w·p_k(1 − p_k) (Friedman 2001, §4.6).</summary>
internal sealed class SoftmaxObjective(int[] labels, int classCount, double[] weights) : IBoostingObjective
{
    private readonly double[] _p = new double[classCount];

    public int Outputs => classCount;

    public int RowCount => labels.Length;

    public double[] BaseScores()
    {
        var prior = new double[classCount];
        double all = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            prior[labels[i]] += weights[i];
            all += weights[i];
        }

        for (var k = 0; k < classCount; k++)
        {
            prior[k] = Math.Log(Math.Max(all > 0 ? prior[k] / all : 1.0 / classCount, LogisticObjective.MinProbability));
        }

        var mean = prior.Average();
        for (var k = 0; k < classCount; k++)
        {
            prior[k] -= mean;
        }

        return prior;
    }

    public void Gradients(ReadOnlySpan<double> scores, Span<GradientPair> gradients)
    {
        var n = labels.Length;
        var p = _p.AsSpan();
        for (var i = 0; i < n; i++)
        {
            Softmax(scores, i, n, p);
            var w = weights[i];
            for (var k = 0; k < classCount; k++)
            {
                var y = labels[i] == k ? 1.0 : 0.0;
                gradients[(k * n) + i] = new GradientPair((p[k] - y) * w, Math.Max(p[k] * (1 - p[k]), 1e-16) * w);
            }
        }
    }

    public double Loss(ReadOnlySpan<double> scores)
    {
        var n = labels.Length;
        double sum = 0, all = 0;
        for (var i = 0; i < n; i++)
        {
            var max = double.NegativeInfinity;
            for (var k = 0; k < classCount; k++)
            {
                max = Math.Max(max, scores[(k * n) + i]);
            }

            double z = 0;
            for (var k = 0; k < classCount; k++)
            {
                z += Math.Exp(scores[(k * n) + i] - max);
            }

            sum += weights[i] * (max + Math.Log(z) - scores[(labels[i] * n) + i]);
            all += weights[i];
        }

        return all > 0 ? sum / all : 0;
    }

    /// <summary>The probabilities of row <paramref name="row"/> from output-major scores of <paramref name="n"/> rows.</summary>
    private void Softmax(ReadOnlySpan<double> scores, int row, int n, Span<double> p)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < classCount; k++)
        {
            max = Math.Max(max, scores[(k * n) + row]);
        }

        double z = 0;
        for (var k = 0; k < classCount; k++)
        {
            p[k] = Math.Exp(scores[(k * n) + row] - max);
            z += p[k];
        }

        for (var k = 0; k < classCount; k++)
        {
            p[k] /= z;
        }
    }
}
