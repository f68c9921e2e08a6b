namespace Vigil.ML.Forests;

/// <summary>
/// Grows one tree of a random forest (Breiman 2001, "Random Forests", Machine Learning 45) on shared
/// <see cref="BinnedFeatures"/>, depth first in pre-order. Bootstrap samples arrive as integer row
/// weights, so no rows are copied. Each node builds a histogram per candidate feature in one pass over
/// its rows and scans the bins. When every feature is a candidate at every node (the regressor's
/// default), each node keeps histograms of all features, the smaller child's are built from its rows
/// and the larger child's are the parent's minus the smaller's (Ke et al. 2017, "LightGBM").
/// One builder serves one thread; it is reused across that thread's trees.
/// </summary>
internal sealed partial class HistogramTreeBuilder
{
    private readonly BinnedFeatures _bins;
    private readonly ForestGrowth _growth;
    private readonly int _stride;
    private readonly int[] _statIndex;
    private readonly double[] _statValue;
    private readonly int _featureCount;
    private readonly int[] _binOffset;
    private readonly bool _subtract;
    private readonly bool _regression;
    private readonly HistogramSplitScanner _scanner;

    private readonly int[] _rows;
    private readonly double[] _weighted;  // w·statValue per row for the current tree
    private readonly int[] _featureOrder;
    private readonly double[] _featureHist;
    private readonly long[] _smallKeys = new long[SmallNodeRows];
    private readonly double[] _smallHist;
    private readonly int[] _smallMap = new int[SmallNodeRows];
    private readonly List<double[]> _slotHists = [];
    private readonly List<ForestNode> _nodes = [];
    private readonly List<double> _leafValues = [];
    private Pending[] _pending = new Pending[64];
    private double[] _totals;
    private double[] _weights = [];
    private Random _random = null!;

    public HistogramTreeBuilder(BinnedFeatures bins, ForestGrowth growth, int statWidth, int[] statIndex, double[] statValue)
    {
        _bins = bins;
        _growth = growth;
        _stride = 2 + statWidth;
        _statIndex = statIndex;
        _statValue = statValue;
        _featureCount = bins.FeatureCount;
        _binOffset = new int[_featureCount + 1];
        for (var f = 0; f < _featureCount; f++)
        {
            _binOffset[f + 1] = _binOffset[f] + ((bins.BinCount(f) + 1) * _stride);
        }

        _subtract = growth.MaxFeatures >= _featureCount;
        _regression = growth.Criterion == ForestCriterion.SquaredError;
        _scanner = new HistogramSplitScanner(_stride, growth.Criterion, growth.MinSamplesLeaf);
        _rows = new int[bins.RowCount];
        _weighted = new double[bins.RowCount];
        _featureOrder = new int[_featureCount];
        _featureHist = new double[257 * _stride];
        _smallHist = new double[(SmallNodeRows + 1) * _stride];
        _totals = new double[64 * _stride];
    }

    /// <summary>Nodes this small sort their rows' bin codes instead of building 256-bin histograms.</summary>
    private const int SmallNodeRows = 64;

    private record struct Pending(int Start, int End, int Depth, int Parent);

    /// <summary>Grows a tree on rows weighted by <paramref name="weights"/> (0 = not in the sample); <paramref name="random"/> draws the feature subsets.</summary>
    public GrownTree Grow(double[] weights, Random random, CancellationToken cancellationToken)
    {
        _weights = weights;
        _random = random;
        _nodes.Clear();
        _leafValues.Clear();
        var decrease = new double[_featureCount];
        var n = 0;
        for (var r = 0; r < weights.Length; r++)
        {
            if (weights[r] > 0)
            {
                _rows[n++] = r;
                _weighted[r] = weights[r] * _statValue[r];
            }
        }

        var rootTotals = Totals(0);
        rootTotals.Clear();
        foreach (var r in _rows.AsSpan(0, n))
        {
            rootTotals[0] += 1;
            rootTotals[1] += weights[r];
            rootTotals[_statIndex[r]] += _weighted[r];
        }

        _pending[0] = new Pending(0, n, 0, -1);
        if (_subtract && !IsTerminal(_pending[0], rootTotals) && n > SmallNodeRows)
        {
            BuildAll(SlotHist(0), 0, n);
        }

        var top = 1;
        while (top > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slot = --top;
            EnsureSlots(top + 2);
            var node = _pending[slot];
            var id = _nodes.Count;
            if (node.Parent >= 0)
            {
                _nodes[node.Parent] = _nodes[node.Parent] with { Right = id };
            }

            var totals = Totals(slot);
            if (IsTerminal(node, totals) || !FindSplit(slot, node, totals))
            {
                AddLeaf(totals);
                continue;
            }

            var f = _scanner.BestFeature;
            var nodeScore = _scanner.NodeScore(totals);
            var gain = _scanner.BestGain - nodeScore;
            if (_regression && gain <= 1e-12 * Math.Abs(nodeScore))
            {
                AddLeaf(totals);
                continue;
            }

            decrease[f] += Math.Max(0, gain);
            var threshold = _scanner.BestIsPresentVersusMissing ? double.PositiveInfinity : _bins.Edge(f, _scanner.BestBin);
            var left = _scanner.BestLeft.AsSpan();
            var missingLeft = _scanner.BestMissingLeft;
            if (!_scanner.BestHadMissing)
            {
                missingLeft = left[1] >= totals[1] - left[1];
            }

            _nodes.Add(new ForestNode(threshold, -1, (short)f, missingLeft));
            var leftCount = Partition(node.Start, node.End, f, _scanner.BestBin, _scanner.BestMissingLeft);
            var rightNode = new Pending(node.Start + leftCount, node.End, node.Depth + 1, id);
            var leftNode = new Pending(node.Start, node.Start + leftCount, node.Depth + 1, -1);
            var rightTotals = Totals(top);
            var leftTotals = Totals(top + 1);
            for (var k = 0; k < _stride; k++)
            {
                var l = left[k];
                rightTotals[k] = totals[k] - l;  // rightTotals aliases totals (same slot): read before write
                leftTotals[k] = l;
            }

            _pending[top] = rightNode;
            _pending[top + 1] = leftNode;
            if (_subtract)
            {
                SplitHistograms(top, leftNode, rightNode);
            }

            top += 2;
        }

        return new GrownTree([.. _nodes], [.. _leafValues], decrease);
    }

    private bool IsTerminal(Pending node, ReadOnlySpan<double> totals)
    {
        var n = node.End - node.Start;
        if (node.Depth >= (_growth.MaxDepth ?? int.MaxValue) || n < _growth.MinSamplesSplit || n < 2 * _growth.MinSamplesLeaf)
        {
            return true;
        }

        if (_regression)
        {
            return false;
        }

        var nonZero = 0;
        for (var k = 2; k < _stride; k++)
        {
            nonZero += totals[k] > 1e-12 * totals[1] ? 1 : 0;
        }

        return nonZero <= 1;
    }

    private bool FindSplit(int slot, Pending node, ReadOnlySpan<double> totals)
    {
        _scanner.Reset();
        if (node.End - node.Start <= SmallNodeRows)
        {
            return FindSmallSplit(node, totals);
        }

        if (_subtract)
        {
            var all = SlotHist(slot);
            for (var f = 0; f < _featureCount; f++)
            {
                var nb = _bins.BinCount(f);
                _scanner.Scan(f, all.AsSpan(_binOffset[f], (nb + 1) * _stride), nb, 0, nb - 1, totals);
            }

            return _scanner.Found;
        }

        for (var f = 0; f < _featureCount; f++)
        {
            _featureOrder[f] = f;
        }

        for (var visited = 0; visited < _featureCount; visited++)
        {
            if (visited >= _growth.MaxFeatures && _scanner.Found)
            {
                break;
            }

            var j = _random!.Next(visited, _featureCount);
            (_featureOrder[visited], _featureOrder[j]) = (_featureOrder[j], _featureOrder[visited]);
            var f = _featureOrder[visited];
            var nb = _bins.BinCount(f);
            var hist = _featureHist.AsSpan(0, (nb + 1) * _stride);
            var (lo, hi) = Accumulate(hist, f, node.Start, node.End);
            if (lo <= hi)
            {
                _scanner.Scan(f, hist, nb, lo, hi, totals);
            }

            hist.Slice(lo * _stride, (Math.Max(hi, lo - 1) - lo + 1) * _stride).Clear();
            hist.Slice(nb * _stride, _stride).Clear();
        }

        return _scanner.Found;
    }
}
