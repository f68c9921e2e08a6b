namespace Vigil.ML.Boosting;

/// <summary>Histogram buffers rented by slot number and returned when a node is finished; grows once, then reused every tree.</summary>
internal sealed class HistogramPool(int totalBins, bool trackCounts)
{
    private readonly List<GradientPair[]> _sums = [];
    private readonly List<int[]> _counts = [];
    private readonly Stack<int> _free = new();

    public int Rent()
    {
        if (_free.Count > 0)
        {
            return _free.Pop();
        }

        _sums.Add(new GradientPair[totalBins]);
        _counts.Add(trackCounts ? new int[totalBins] : []);
        return _sums.Count - 1;
    }

    public void Return(int slot) => _free.Push(slot);

    public GradientPair[] Sums(int slot) => _sums[slot];

    public int[] Counts(int slot) => _counts[slot];
}
