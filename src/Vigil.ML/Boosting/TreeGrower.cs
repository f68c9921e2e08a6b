namespace Vigil.ML.Boosting;

/// <summary>
/// Grows one regression tree on gradient histograms (Chen and Guestrin 2016; Ke et al. 2017): depth-wise
/// (breadth-first, every splittable node) or leaf-wise (largest gain first). Rows are partitioned in place in one
/// index buffer; only the smaller child's histogram is built, the sibling's is the parent's minus it. All
/// buffers are owned and reused across trees.
/// </summary>
internal sealed class TreeGrower
{
    private readonly BinMapper _mapper;
    private readonly GrowthSettings _s;
    private readonly HistogramBuilder _builder;
    private readonly HistogramPool _pool;
    private readonly int[] _rows;
    private readonly int[] _scratch;
    private readonly BinnedMatrix _data;
    private Candidate[] _open = new Candidate[16];
    private int _openHead;
    private int _openCount;
    private int[] _features = [];
    private int _featureCount;

    public TreeGrower(BinnedMatrix data, BinMapper mapper, in GrowthSettings settings, ParallelOptions parallel)
    {
        _data = data;
        _mapper = mapper;
        _s = settings;
        _rows = new int[data.RowCount];
        _scratch = new int[data.RowCount];
        _pool = new HistogramPool(mapper.TotalBins, settings.TrackCounts);
        _builder = new HistogramBuilder(data, mapper, settings, parallel);
    }

    public TreeBuffer Tree { get; } = new();

    /// <summary>The row buffer: fill its first rows with the rows to grow on (ascending), then call <see cref="Grow"/>.</summary>
    public Span<int> Rows => _rows;

    /// <summary>The buffer after <see cref="Grow"/>: each leaf's rows lie in [Begin, End) of it.</summary>
    public ReadOnlySpan<int> PartitionedRows => _rows;

    public void Grow(ReadOnlySpan<GradientPair> gradients, int rowCount, int[] features, int featureCount)
    {
        _features = features;
        _featureCount = featureCount;
        Tree.Clear();
        _openHead = _openCount = 0;
        double g = 0, h = 0;
        foreach (var r in _rows.AsSpan(0, rowCount))
        {
            g += gradients[r].G;
            h += gradients[r].H;
        }

        var root = Tree.AddLeaf(_s.LeafValue(g, h), 0, rowCount);
        if (_s.CanSplit(0, rowCount, h))
        {
            var slot = _pool.Rent();
            _builder.Build(_pool.Sums(slot), _pool.Counts(slot), _rows, 0, rowCount, gradients, features, featureCount);
            Consider(new Candidate { Node = root, Begin = 0, End = rowCount, Depth = 0, G = g, H = h, Slot = slot });
        }

        var leaves = 1;
        while (_openCount > 0 && leaves < _s.MaxLeaves)
        {
            var c = TakeNext();
            Expand(c, gradients);
            leaves++;
        }

        while (_openCount > 0)
        {
            _pool.Return(TakeNext().Slot);
        }
    }

    private void Expand(in Candidate c, ReadOnlySpan<GradientPair> gradients)
    {
        var split = c.Split;
        var mid = Partition(c.Begin, c.End, split);
        double gl = split.LeftG, hl = split.LeftH, gr = c.G - gl, hr = c.H - hl;
        var left = Tree.AddLeaf(_s.LeafValue(gl, hl), c.Begin, mid);
        var right = Tree.AddLeaf(_s.LeafValue(gr, hr), mid, c.End);
        Tree.SetSplit(c.Node, split, left);

        var leftOk = _s.CanSplit(c.Depth + 1, mid - c.Begin, hl);
        var rightOk = _s.CanSplit(c.Depth + 1, c.End - mid, hr);
        if (!leftOk && !rightOk)
        {
            _pool.Return(c.Slot);
            return;
        }

        // Build the smaller child; the parent's histogram minus it becomes the larger child's.
        var smallerIsLeft = mid - c.Begin <= c.End - mid;
        var small = _pool.Rent();
        var (start, length) = smallerIsLeft ? (c.Begin, mid - c.Begin) : (mid, c.End - mid);
        _builder.Build(_pool.Sums(small), _pool.Counts(small), _rows, start, length, gradients, _features, _featureCount);
        Histograms.Subtract(_pool.Sums(c.Slot), _pool.Sums(small));
        if (_s.TrackCounts)
        {
            Histograms.Subtract(_pool.Counts(c.Slot), _pool.Counts(small));
        }

        var (leftSlot, rightSlot) = smallerIsLeft ? (small, c.Slot) : (c.Slot, small);
        var depth = c.Depth + 1;
        if (leftOk)
        {
            Consider(new Candidate { Node = left, Begin = c.Begin, End = mid, Depth = depth, G = gl, H = hl, Slot = leftSlot });
        }
        else
        {
            _pool.Return(leftSlot);
        }

        if (rightOk)
        {
            Consider(new Candidate { Node = right, Begin = mid, End = c.End, Depth = depth, G = gr, H = hr, Slot = rightSlot });
        }
        else
        {
            _pool.Return(rightSlot);
        }
    }

    /// <summary>Finds the node's best split; keeps it open if the split is worth making, else frees its histogram.</summary>
    private void Consider(Candidate c)
    {
        c.Split = SplitFinder.Find(_pool.Sums(c.Slot), _pool.Counts(c.Slot), _features.AsSpan(0, _featureCount), _mapper, c.G, c.H, c.End - c.Begin, _s);
        if (!c.Split.IsValid)
        {
            _pool.Return(c.Slot);
            return;
        }

        if (_openHead + _openCount == _open.Length)
        {
            if (_openHead > 0)
            {
                Array.Copy(_open, _openHead, _open, 0, _openCount);
                _openHead = 0;
            }
            else
            {
                Array.Resize(ref _open, _open.Length * 2);
            }
        }

        _open[_openHead + _openCount++] = c;
    }

    /// <summary>Depth-wise: first in, first out (breadth-first). Leaf-wise: the largest gain (earliest node on ties).</summary>
    private Candidate TakeNext()
    {
        var pick = _openHead;
        if (_s.LeafWise)
        {
            for (var i = _openHead + 1; i < _openHead + _openCount; i++)
            {
                var (gain, best) = (_open[i].Split.Gain, _open[pick].Split.Gain);
                if (gain > best || (gain == best && _open[i].Node < _open[pick].Node))
                {
                    pick = i;
                }
            }
        }

        var c = _open[pick];
        _open[pick] = _open[_openHead];
        _openHead++;
        _openCount--;
        return c;
    }

    /// <summary>Stable in-place partition of [begin, end): left rows keep their order at the front, right rows follow.</summary>
    private int Partition(int begin, int end, in SplitInfo split)
    {
        var column = _data.Column(split.Feature);
        var missing = _mapper.ValueBins(split.Feature);

        // Right iff bin < code, excluding the NaN code when NaN goes left: one unsigned range check.
        var first = (uint)(split.Bin + 1);
        var span = (uint)(missing - split.Bin - (split.DefaultLeft ? 1 : 0));
        var rows = _rows;
        var scratch = _scratch;
        int l = begin, rc = 0;
        for (var k = begin; k < end; k++)
        {
            var r = rows[k];
            var right = column[r] - first < span ? 1 : 0;
            rows[l] = r;
            scratch[rc] = r;
            l += 1 - right;
            rc += right;
        }

        scratch.AsSpan(0, rc).CopyTo(rows.AsSpan(l));
        return l;
    }

    private struct Candidate
    {
        public int Node;
        public int Begin;
        public int End;
        public int Depth;
        public double G;
        public double H;
        public int Slot;
        public SplitInfo Split;
    }
}
