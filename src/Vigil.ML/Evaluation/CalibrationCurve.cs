namespace Vigil.ML.Evaluation;

/// <summary>
/// A reliability diagram of binary probabilities (Niculescu-Mizil and Caruana 2005, "Predicting good
/// probabilities with supervised learning", ICML): per bin, the mean predicted probability against the
/// observed positive frequency. Binning matches scikit-learn's <c>calibration_curve</c>: a probability goes
/// to the bin whose interior upper edge is the first ≥ it; empty bins are dropped.
/// </summary>
public sealed class CalibrationCurve
{
    private readonly CalibrationBin[] _bins;

    private CalibrationCurve(CalibrationBin[] bins, CalibrationBinning binning)
    {
        _bins = bins;
        Binning = binning;
    }

    /// <summary>The non-empty bins, in increasing order of probability.</summary>
    public IReadOnlyList<CalibrationBin> Bins => _bins;

    /// <summary>How the bin edges were placed.</summary>
    public CalibrationBinning Binning { get; }

    /// <summary>The count-weighted mean |observed − predicted| over the bins (expected calibration error).</summary>
    public double ExpectedCalibrationError
    {
        get
        {
            var total = _bins.Sum(b => (long)b.Count);
            return total == 0 ? 0 : _bins.Sum(b => b.Count * Math.Abs(b.ObservedFrequency - b.MeanPredicted)) / total;
        }
    }

    /// <summary>Bins 0/1 <paramref name="labels"/> by their positive-class probabilities into <paramref name="binCount"/> bins.</summary>
    public static CalibrationCurve Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> positiveScores, int binCount = 10, CalibrationBinning binning = CalibrationBinning.Uniform)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (labels.Length != positiveScores.Length || labels.IsEmpty)
        {
            throw new ArgumentException($"Need equal, non-zero numbers of labels and scores, not {labels.Length} and {positiveScores.Length}.", nameof(positiveScores));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1) || !(positiveScores[i] >= 0 && positiveScores[i] <= 1))
            {
                throw new ArgumentException($"Row {i} has label {labels[i]} and probability {positiveScores[i]}; labels must be 0/1 and probabilities in [0, 1].", nameof(positiveScores));
            }
        }

        var edges = binning switch
        {
            CalibrationBinning.Uniform => UniformEdges(binCount),
            CalibrationBinning.Quantile => QuantileEdges(positiveScores, binCount),
            _ => throw new ArgumentOutOfRangeException(nameof(binning), binning, "Unknown binning."),
        };
        var sums = new double[binCount];
        var positives = new long[binCount];
        var counts = new int[binCount];
        for (var i = 0; i < labels.Length; i++)
        {
            var bin = 0;
            while (bin < binCount - 1 && edges[bin + 1] < positiveScores[i])
            {
                bin++;
            }

            sums[bin] += positiveScores[i];
            positives[bin] += labels[i];
            counts[bin]++;
        }

        var bins = new List<CalibrationBin>(binCount);
        for (var b = 0; b < binCount; b++)
        {
            if (counts[b] > 0)
            {
                bins.Add(new CalibrationBin(edges[b], edges[b + 1], sums[b] / counts[b], (double)positives[b] / counts[b], counts[b]));
            }
        }

        return new CalibrationCurve([.. bins], binning);
    }

    /// <summary>Edges 0, 1/B, ..., 1 computed as NumPy's <c>linspace(0, 1, B + 1)</c> does (b × (1/B), the last exactly 1).</summary>
    private static double[] UniformEdges(int binCount)
    {
        var step = 1.0 / binCount;
        var edges = new double[binCount + 1];
        for (var b = 0; b < binCount; b++)
        {
            edges[b] = b * step;
        }

        edges[binCount] = 1.0;
        return edges;
    }

    /// <summary>
    /// Edges at the 0, 1/B, ..., 1 quantiles with linear interpolation, computed in the same floating-point steps as
    /// NumPy 1.24's <c>percentile(p, linspace(0, 1, B + 1) * 100)</c>, so edges that land on a data point agree.
    /// </summary>
    private static double[] QuantileEdges(ReadOnlySpan<double> scores, int binCount)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var step = 1.0 / binCount;
        var edges = new double[binCount + 1];
        for (var b = 0; b <= binCount; b++)
        {
            var q = (b == binCount ? 1.0 : b * step) * 100 / 100;
            var virtualIndex = (n * q) + (1 + (q * -1)) - 1;
            var previous = Math.Floor(virtualIndex);
            var gamma = virtualIndex - previous;
            var low = sorted[(int)Math.Clamp(previous, 0, n - 1)];
            var high = sorted[(int)Math.Clamp(previous + 1, 0, n - 1)];
            var difference = high - low;
            edges[b] = gamma >= 0.5 ? high - (difference * (1 - gamma)) : low + (difference * gamma);
        }

        return edges;
    }
}
