namespace Vigil.ML.Forests;

/// <summary>
/// Scans one feature's histogram for the best split of a node. A bin's statistics are
/// [rows, W, s₀ … s_{m−1}]: for a classifier sₖ is the weight of class k, for a regressor s₀ = Σwy.
/// Gini and squared error both reduce to maximizing Σₖ sₖ²/W summed over the children
/// (Breiman et al. 1984, §4.3 and §8.3); entropy maximizes Σₖ sₖ log₂ sₖ − W log₂ W. Thresholds sit
/// between non-empty bins; missing rows (the last bin) are tried on both sides, plus "present vs missing".
/// </summary>
internal sealed class HistogramSplitScanner
{
    private readonly int _stride;
    private readonly bool _entropy;
    private readonly int _minLeaf;
    private readonly double[] _left;
    private readonly double[] _withMissing;
    private bool _scanMissing;
    private int[]? _binMap;

    public HistogramSplitScanner(int stride, ForestCriterion criterion, int minSamplesLeaf)
    {
        _stride = stride;
        _entropy = criterion == ForestCriterion.Entropy;
        _minLeaf = minSamplesLeaf;
        _left = new double[stride];
        _withMissing = new double[stride];
        BestLeft = new double[stride];
    }

    public double BestGain { get; private set; }

    public int BestFeature { get; private set; }

    public int BestBin { get; private set; }

    public bool BestMissingLeft { get; private set; }

    /// <summary>The best split sends every present row left and the missing ones right.</summary>
    public bool BestIsPresentVersusMissing { get; private set; }

    /// <summary>Whether the node had missing values of the best split's feature (else their side is free).</summary>
    public bool BestHadMissing { get; private set; }

    /// <summary>The left child's statistics of the best split.</summary>
    public double[] BestLeft { get; }

    public bool Found => BestFeature >= 0;

    public void Reset()
    {
        BestGain = double.NegativeInfinity;
        BestFeature = -1;
    }

    /// <summary>Σ over both children of the split score; <paramref name="left"/> and the node's <paramref name="total"/> define them.</summary>
    public double Gain(ReadOnlySpan<double> left, ReadOnlySpan<double> total) => Score(left, total, false) + Score(left, total, true);

    /// <summary>The node's own score (its children's gain minus this is the impurity decrease).</summary>
    public double NodeScore(ReadOnlySpan<double> total) => Score(total, total, false);

    /// <summary>
    /// Considers every split of feature <paramref name="feature"/> whose present bins lie in [<paramref name="lo"/>, <paramref name="hi"/>];
    /// when the histogram is compacted to the node's occupied bins, <paramref name="binMap"/> gives each compact bin's real bin.
    /// </summary>
    public void Scan(int feature, ReadOnlySpan<double> hist, int binCount, int lo, int hi, ReadOnlySpan<double> total, int[]? binMap = null)
    {
        _binMap = binMap;
        var s = _stride;
        var missing = hist.Slice(binCount * s, s);
        var missingCount = missing[0];
        _scanMissing = missingCount > 0;
        var totalCount = total[0];
        var presentCount = totalCount - missingCount;
        var left = _left.AsSpan();
        left.Clear();
        var tolerance = 1e-12 * Math.Abs(NodeScore(total));
        for (var b = lo; b < hi; b++)
        {
            var bin = hist.Slice(b * s, s);
            if (bin[0] == 0)
            {
                continue;
            }

            for (var k = 0; k < s; k++)
            {
                left[k] += bin[k];
            }

            var leftCount = left[0];
            if (leftCount >= presentCount)
            {
                break;
            }

            if (leftCount >= _minLeaf && totalCount - leftCount >= _minLeaf)
            {
                Consider(Gain(left, total), tolerance, feature, b, false, false, left);
            }

            if (missingCount > 0 && leftCount + missingCount >= _minLeaf && presentCount - leftCount >= _minLeaf)
            {
                var withMissing = _withMissing.AsSpan();
                for (var k = 0; k < s; k++)
                {
                    withMissing[k] = left[k] + missing[k];
                }

                Consider(Gain(withMissing, total), tolerance, feature, b, true, false, withMissing);
            }
        }

        if (missingCount > 0 && presentCount >= _minLeaf && missingCount >= _minLeaf)
        {
            var present = _withMissing.AsSpan();
            for (var k = 0; k < s; k++)
            {
                present[k] = total[k] - missing[k];
            }

            Consider(Gain(present, total), tolerance, feature, binCount - 1, false, true, present);
        }
    }

    private void Consider(double gain, double tolerance, int feature, int bin, bool missingLeft, bool presentVersusMissing, ReadOnlySpan<double> left)
    {
        if (gain > BestGain + tolerance)
        {
            BestGain = gain;
            BestFeature = feature;
            BestBin = _binMap is null ? bin : _binMap[bin];
            BestMissingLeft = missingLeft;
            BestIsPresentVersusMissing = presentVersusMissing;
            BestHadMissing = _scanMissing;
            left.CopyTo(BestLeft);
        }
    }

    private double Score(ReadOnlySpan<double> left, ReadOnlySpan<double> total, bool right)
    {
        var w = right ? total[1] - left[1] : left[1];
        if (!(w > 0))
        {
            return 0;
        }

        var sum = 0.0;
        if (_entropy)
        {
            for (var k = 2; k < _stride; k++)
            {
                var c = right ? total[k] - left[k] : left[k];
                sum += c > 0 ? c * Math.Log2(c) : 0;
            }

            return sum - (w * Math.Log2(w));
        }

        for (var k = 2; k < _stride; k++)
        {
            var c = right ? total[k] - left[k] : left[k];
            sum += c * c;
        }

        return sum / w;
    }
}
