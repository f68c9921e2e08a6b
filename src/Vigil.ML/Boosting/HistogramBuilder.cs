namespace Vigil.ML.Boosting;

/// <summary>
/// Fills a node's histogram: gathers the node's gradients into row order once (LightGBM's ordered gradients), then
/// accumulates each feature's bins. Large nodes spread features over threads; each feature is still summed by
/// one thread in row order, so the result is bit-for-bit the same as a sequential build.
/// </summary>
internal sealed class HistogramBuilder
{
    /// <summary>Below this many row × feature updates a node is built on the calling thread.</summary>
    public const int ParallelThreshold = 16_384;

    private readonly BinnedMatrix _data;
    private readonly BinMapper _mapper;
    private readonly GradientPair[] _ordered;
    private readonly bool _trackCounts;
    private readonly int _degree;
    private readonly ParallelOptions _parallel;
    private readonly Action<int> _buildFeature;

    // The node being built, read by _buildFeature on worker threads.
    private GradientPair[] _sums = [];
    private int[] _counts = [];
    private int[] _rowsArray = [];
    private int _rowsStart;
    private int _rowsLength;
    private int[] _featureArray = [];

    public HistogramBuilder(BinnedMatrix data, BinMapper mapper, in GrowthSettings settings, ParallelOptions parallel)
    {
        _data = data;
        _mapper = mapper;
        _ordered = new GradientPair[data.RowCount];
        _trackCounts = settings.TrackCounts;
        _degree = settings.DegreeOfParallelism;
        _parallel = parallel;
        _buildFeature = BuildFeature;
    }

    public void Build(GradientPair[] sums, int[] counts, int[] rows, int start, int length, ReadOnlySpan<GradientPair> gradients, int[] features, int featureCount)
    {
        var ordered = _ordered;
        var nodeRows = rows.AsSpan(start, length);
        for (var k = 0; k < nodeRows.Length; k++)
        {
            ordered[k] = gradients[nodeRows[k]];
        }

        (_sums, _counts, _rowsArray, _rowsStart, _rowsLength, _featureArray) = (sums, counts, rows, start, length, features);
        if (_degree > 1 && featureCount > 1 && (long)length * featureCount >= ParallelThreshold)
        {
            Parallel.For(0, featureCount, _parallel, _buildFeature);
        }
        else
        {
            for (var i = 0; i < featureCount; i++)
            {
                BuildFeature(i);
            }
        }
    }

    private void BuildFeature(int index)
    {
        var f = _featureArray[index];
        var off = _mapper.Offsets[f];
        var width = _mapper.ValueBins(f) + 1;
        var bins = _sums.AsSpan(off, width);
        bins.Clear();
        var rows = _rowsArray.AsSpan(_rowsStart, _rowsLength);
        var column = _data.Column(f);
        Histograms.Accumulate(column, rows, _ordered, bins);
        if (_trackCounts)
        {
            var counts = _counts.AsSpan(off, width);
            counts.Clear();
            Histograms.Count(column, rows, counts);
        }
    }
}
