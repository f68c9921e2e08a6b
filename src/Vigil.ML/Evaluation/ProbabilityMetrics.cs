namespace Vigil.ML.Evaluation;

/// <summary>Proper scoring rules of predicted probabilities: log loss and the Brier score (lower is better).</summary>
public static class ProbabilityMetrics
{
    /// <summary>The clipping bound scikit-learn 1.2 uses by default (float64 machine epsilon).</summary>
    public const double DefaultEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Mean negative log-likelihood of the true classes: each probability is clipped to [ε, 1 − ε], each row
    /// renormalized to sum to 1, then −mean(log p(yᵢ)) — scikit-learn's <c>log_loss</c>.
    /// </summary>
    /// <param name="labels">The true class of every row, in [0, <paramref name="classCount"/>).</param>
    /// <param name="probabilities">Row-major probabilities, <paramref name="classCount"/> per row.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="epsilon">The clipping bound; default <see cref="DefaultEpsilon"/>.</param>
    public static double LogLoss(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, double epsilon = DefaultEpsilon)
    {
        CheckShape(labels, probabilities, classCount);
        if (!(epsilon > 0 && epsilon < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The clipping bound must lie in (0, 0.5).");
        }

        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = probabilities.Slice(i * classCount, classCount);
            var sum = 0.0;
            foreach (var p in row)
            {
                sum += Math.Clamp(p, epsilon, 1 - epsilon);
            }

            total -= Math.Log(Math.Clamp(row[labels[i]], epsilon, 1 - epsilon) / sum);
        }

        return total / labels.Length;
    }

    /// <summary>Log loss of 0/1 <paramref name="labels"/> against positive-class probabilities (clipped to [ε, 1 − ε]).</summary>
    public static double BinaryLogLoss(ReadOnlySpan<int> labels, ReadOnlySpan<double> positiveScores, double epsilon = DefaultEpsilon)
    {
        var both = new double[positiveScores.Length * 2];
        for (var i = 0; i < positiveScores.Length; i++)
        {
            both[(2 * i) + 1] = positiveScores[i];
            both[2 * i] = 1 - positiveScores[i];
        }

        return LogLoss(labels, both, 2, epsilon);
    }

    /// <summary>The Brier score of a binary forecast (Brier 1950, Monthly Weather Review 78(1)): mean (pᵢ − yᵢ)² with yᵢ ∈ {0, 1}; scikit-learn's <c>brier_score_loss</c>.</summary>
    public static double BrierScore(ReadOnlySpan<int> labels, ReadOnlySpan<double> positiveScores)
    {
        CheckShape(labels, positiveScores, 1, binary: true);
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var d = positiveScores[i] - labels[i];
            total += d * d;
        }

        return total / labels.Length;
    }

    /// <summary>Brier's original multi-category score: mean over rows of Σₖ (pᵢₖ − 1[yᵢ = k])², in [0, 2].</summary>
    public static double MulticlassBrierScore(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount)
    {
        CheckShape(labels, probabilities, classCount);
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            for (var k = 0; k < classCount; k++)
            {
                var d = probabilities[(i * classCount) + k] - (labels[i] == k ? 1 : 0);
                total += d * d;
            }
        }

        return total / labels.Length;
    }

    private static void CheckShape(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int width, bool binary = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (labels.IsEmpty)
        {
            throw new ArgumentException("Metrics need at least one row.", nameof(labels));
        }

        if (probabilities.Length != labels.Length * width)
        {
            throw new ArgumentException($"{labels.Length} rows need {labels.Length * width} probabilities, not {probabilities.Length}.", nameof(probabilities));
        }

        var classes = binary ? 2 : width;
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labels[i]} at row {i} is outside [0, {classes}).", nameof(labels));
            }
        }

        foreach (var p in probabilities)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"Probability {p} is outside [0, 1].", nameof(probabilities));
            }
        }
    }
}
