using System.Numerics.Tensors;

namespace Vigil.ML.Boosting;

/// <summary>Binary log-loss on the log-odds: g = w(p − y), h = w·p(1 − p) (Friedman 2001, §4.5).</summary>
internal sealed class LogisticObjective(double[] labels, double[] weights) : IBoostingObjective
{
    /// <summary>Priors are clamped to [1e-15, 1 − 1e-15] so a class absent from the data gives a finite base score.</summary>
    public const double MinProbability = 1e-15;

    private readonly double[] _p = new double[labels.Length];

    public int Outputs => 1;

    public int RowCount => labels.Length;

    public double[] BaseScores()
    {
        double pos = 0, all = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            pos += weights[i] * labels[i];
            all += weights[i];
        }

        var p = Math.Clamp(all > 0 ? pos / all : 0.5, MinProbability, 1 - MinProbability);
        return [Math.Log(p / (1 - p))];
    }

    public void Gradients(ReadOnlySpan<double> scores, Span<GradientPair> gradients)
    {
        var p = _p.AsSpan();
        TensorPrimitives.Sigmoid(scores[..p.Length], p);
        for (var i = 0; i < p.Length; i++)
        {
            var w = weights[i];
            gradients[i] = new GradientPair((p[i] - labels[i]) * w, Math.Max(p[i] * (1 - p[i]), 1e-16) * w);
        }
    }

    public double Loss(ReadOnlySpan<double> scores)
    {
        double sum = 0, all = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            // log(1 + e^s) − y·s, computed without overflow.
            var s = scores[i];
            var softplus = s > 0 ? s + Math.Log(1 + Math.Exp(-s)) : Math.Log(1 + Math.Exp(s));
            sum += weights[i] * (softplus - (labels[i] * s));
            all += weights[i];
        }

        return all > 0 ? sum / all : 0;
    }
}
