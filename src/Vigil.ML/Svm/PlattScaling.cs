namespace Vigil.ML.Svm;

/// <summary>
/// Platt scaling (Platt 1999, "Probabilistic outputs for support vector machines") P(y = +1 | f) = 1 / (1 + e^{A·f + B}),
/// fitted by the numerically stable Newton method with backtracking of Lin, Lin and Weng (2007, "A note on
/// Platt's probabilistic outputs for support vector machines", Machine Learning 68), on regularized targets
/// (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2).
/// </summary>
internal static class PlattScaling
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double Sigma = 1e-12;
    private const double Epsilon = 1e-5;

    public static (double A, double B) Fit(ReadOnlySpan<double> decisions, ReadOnlySpan<bool> positive)
    {
        var (prior1, prior0) = (0, 0);
        foreach (var p in positive)
        {
            if (p) { prior1++; } else { prior0++; }
        }

        var hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        var loTarget = 1 / (prior0 + 2.0);
        var t = new double[decisions.Length];
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = positive[i] ? hiTarget : loTarget;
        }

        var (a, b) = (0.0, Math.Log((prior0 + 1.0) / (prior1 + 1.0)));
        var value = Objective(decisions, t, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (h11, h22, h21, g1, g2) = (Sigma, Sigma, 0.0, 0.0, 0.0);
            for (var i = 0; i < t.Length; i++)
            {
                var f = decisions[i];
                var p = Probability(f, a, b);
                var q = 1 - p;
                var d2 = p * q;
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                var d1 = t[i] - p;
                g1 += f * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < Epsilon && Math.Abs(g2) < Epsilon)
            {
                break;
            }

            var det = (h11 * h22) - (h21 * h21);
            var dA = -((h22 * g1) - (h21 * g2)) / det;
            var dB = -((-h21 * g1) + (h11 * g2)) / det;
            var gd = (g1 * dA) + (g2 * dB);
            var step = 1.0;
            while (step >= MinStep)
            {
                var (newA, newB) = (a + (step * dA), b + (step * dB));
                var newValue = Objective(decisions, t, newA, newB);
                if (newValue < value + (1e-4 * step * gd))
                {
                    (a, b, value) = (newA, newB, newValue);
                    break;
                }

                step /= 2;
            }

            if (step < MinStep)
            {
                break;
            }
        }

        return (a, b);
    }

    /// <summary>1 / (1 + e^{A·f + B}) without overflow.</summary>
    public static double Probability(double decision, double a, double b)
    {
        var fApB = (decision * a) + b;
        return fApB >= 0 ? Math.Exp(-fApB) / (1 + Math.Exp(-fApB)) : 1 / (1 + Math.Exp(fApB));
    }

    private static double Objective(ReadOnlySpan<double> decisions, double[] t, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < t.Length; i++)
        {
            var fApB = (decisions[i] * a) + b;
            sum += fApB >= 0 ? (t[i] * fApB) + Math.Log(1 + Math.Exp(-fApB)) : ((t[i] - 1) * fApB) + Math.Log(1 + Math.Exp(fApB));
        }

        return sum;
    }
}
