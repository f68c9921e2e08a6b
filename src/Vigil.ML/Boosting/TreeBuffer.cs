namespace Vigil.ML.Boosting;

/// <summary>
/// A reusable, growable store of the tree being grown, in binned form: children are allocated in pairs
/// (right = left + 1), leaves keep the range of the grower's row buffer that reached them.
/// </summary>
internal sealed class TreeBuffer
{
    private int[] _feature = new int[64];
    private int[] _bin = new int[64];
    private bool[] _defaultLeft = new bool[64];
    private int[] _left = new int[64];
    private double[] _value = new double[64];
    private double[] _gain = new double[64];
    private int[] _begin = new int[64];
    private int[] _end = new int[64];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Feature => _feature.AsSpan(0, Count);

    public ReadOnlySpan<int> Bin => _bin.AsSpan(0, Count);

    public ReadOnlySpan<bool> DefaultLeft => _defaultLeft.AsSpan(0, Count);

    /// <summary>The left child of each split (right = left + 1); 0 for leaves.</summary>
    public ReadOnlySpan<int> Left => _left.AsSpan(0, Count);

    public ReadOnlySpan<double> Value => _value.AsSpan(0, Count);

    public ReadOnlySpan<double> Gain => _gain.AsSpan(0, Count);

    public ReadOnlySpan<int> Begin => _begin.AsSpan(0, Count);

    public ReadOnlySpan<int> End => _end.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public int AddLeaf(double value, int begin, int end)
    {
        if (Count == _feature.Length)
        {
            Grow();
        }

        var i = Count++;
        _feature[i] = -1;
        _left[i] = 0;
        _value[i] = value;
        _begin[i] = begin;
        _end[i] = end;
        _gain[i] = 0;
        return i;
    }

    public void SetSplit(int node, in SplitInfo split, int left)
    {
        _feature[node] = split.Feature;
        _bin[node] = split.Bin;
        _defaultLeft[node] = split.DefaultLeft;
        _gain[node] = split.Gain;
        _left[node] = left;
    }

    /// <summary>The leaf a row of a binned matrix lands in.</summary>
    public int FindLeaf(BinnedMatrix data, BinMapper mapper, int row)
    {
        var i = 0;
        var codes = data.Codes;
        var n = data.RowCount;
        while (_left[i] != 0)
        {
            var f = _feature[i];
            int code = codes[(f * n) + row];
            var goLeft = code == mapper.ValueBins(f) ? _defaultLeft[i] : code <= _bin[i];
            i = goLeft ? _left[i] : _left[i] + 1;
        }

        return i;
    }

    private void Grow()
    {
        var size = _feature.Length * 2;
        Array.Resize(ref _feature, size);
        Array.Resize(ref _bin, size);
        Array.Resize(ref _defaultLeft, size);
        Array.Resize(ref _left, size);
        Array.Resize(ref _value, size);
        Array.Resize(ref _gain, size);
        Array.Resize(ref _begin, size);
        Array.Resize(ref _end, size);
    }
}
