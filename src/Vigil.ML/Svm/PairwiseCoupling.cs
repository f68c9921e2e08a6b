namespace Vigil.ML.Svm;

/// <summary>
/// Combines pairwise probabilities rᵢⱼ ≈ P(i | i or j) into class probabilities by the second method of Wu,
/// Lin and Weng (2004, "Probability estimates for multi-class classification by pairwise coupling", JMLR 5):
/// minimize Σᵢ Σⱼ≠ᵢ (rⱼᵢpᵢ − rᵢⱼpⱼ)² subject to Σ p = 1 by its fixed-point iteration.
/// </summary>
internal static class PairwiseCoupling
{
    /// <summary>Writes k class probabilities from the k×k matrix r (diagonal ignored) into <paramref name="p"/>, using <paramref name="scratch"/> (k² + k values) as work space.</summary>
    public static void Couple(ReadOnlySpan<double> r, int k, Span<double> p, Span<double> scratch)
    {
        var q = scratch[..(k * k)];
        var qp = scratch.Slice(k * k, k);
        for (var t = 0; t < k; t++)
        {
            p[t] = 1.0 / k;
            q[(t * k) + t] = 0;
            for (var j = 0; j < k; j++)
            {
                if (j != t)
                {
                    q[(t * k) + t] += r[(j * k) + t] * r[(j * k) + t];
                    q[(t * k) + j] = -r[(j * k) + t] * r[(t * k) + j];
                }
            }
        }

        var epsilon = 0.005 / k;
        for (var iteration = 0; iteration < Math.Max(100, k); iteration++)
        {
            var pqp = 0.0;
            for (var t = 0; t < k; t++)
            {
                qp[t] = 0;
                for (var j = 0; j < k; j++)
                {
                    qp[t] += q[(t * k) + j] * p[j];
                }

                pqp += p[t] * qp[t];
            }

            var maxError = 0.0;
            for (var t = 0; t < k; t++)
            {
                maxError = Math.Max(maxError, Math.Abs(qp[t] - pqp));
            }

            if (maxError < epsilon)
            {
                break;
            }

            for (var t = 0; t < k; t++)
            {
                var diff = (-qp[t] + pqp) / q[(t * k) + t];
                p[t] += diff;
                pqp = (pqp + (diff * ((diff * q[(t * k) + t]) + (2 * qp[t])))) / (1 + diff) / (1 + diff);
                for (var j = 0; j < k; j++)
                {
                    qp[j] = (qp[j] + (diff * q[(t * k) + j])) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
    }
}
