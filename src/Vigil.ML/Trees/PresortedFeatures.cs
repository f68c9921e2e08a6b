namespace Vigil.ML.Trees;

/// <summary>
/// The training rows of positive weight, sorted once per feature (NaN rows last), kept as one block
/// per feature in which every tree node owns the same [start, end) range. Splitting a node
/// partitions each block's range stably, so children stay sorted without re-sorting.
/// </summary>
internal sealed class PresortedFeatures
{
    private readonly double[] _columns;  // column-major copy: _columns[f * _allRows + row]
    private readonly int[] _sorted;      // per feature a block of ActiveCount rows
    private readonly int[] _scratch;
    private readonly bool[] _goesLeft;
    private readonly int _allRows;

    public PresortedFeatures(FeatureMatrix features, double[] weights)
    {
        _allRows = features.RowCount;
        FeatureCount = features.ColumnCount;
        var active = new List<int>(_allRows);
        for (var r = 0; r < _allRows; r++)
        {
            if (weights[r] > 0)
            {
                active.Add(r);
            }
        }

        ActiveCount = active.Count;
        _columns = new double[FeatureCount * _allRows];
        var x = features.Values;
        for (var r = 0; r < _allRows; r++)
        {
            for (var f = 0; f < FeatureCount; f++)
            {
                _columns[(f * _allRows) + r] = x[(r * FeatureCount) + f];
            }
        }

        _sorted = new int[FeatureCount * ActiveCount];
        for (var f = 0; f < FeatureCount; f++)
        {
            Sort(f, active);
        }

        _scratch = new int[ActiveCount];
        _goesLeft = new bool[_allRows];
    }

    public int FeatureCount { get; }

    /// <summary>The number of rows with positive weight.</summary>
    public int ActiveCount { get; }

    /// <summary>Feature <paramref name="feature"/>'s value for every original row.</summary>
    public ReadOnlySpan<double> Column(int feature) => _columns.AsSpan(feature * _allRows, _allRows);

    /// <summary>A node's rows sorted by feature <paramref name="feature"/>, NaN rows last.</summary>
    public ReadOnlySpan<int> Rows(int feature, int start, int end) => _sorted.AsSpan((feature * ActiveCount) + start, end - start);

    /// <summary>Reorders the node's range of every block into left rows then right rows; returns the left count.</summary>
    public int Partition(int start, int end, int feature, double threshold, bool missingLeft)
    {
        var column = Column(feature);
        var leftCount = 0;
        foreach (var r in Rows(feature, start, end))
        {
            var v = column[r];
            var left = double.IsNaN(v) ? missingLeft : v <= threshold;
            _goesLeft[r] = left;
            leftCount += left ? 1 : 0;
        }

        for (var f = 0; f < FeatureCount; f++)
        {
            var segment = _sorted.AsSpan((f * ActiveCount) + start, end - start);
            int l = 0, right = 0;
            foreach (var r in segment)
            {
                if (_goesLeft[r])
                {
                    segment[l++] = r;
                }
                else
                {
                    _scratch[right++] = r;
                }
            }

            _scratch.AsSpan(0, right).CopyTo(segment[l..]);
        }

        return leftCount;
    }

    private void Sort(int f, List<int> active)
    {
        var column = Column(f);
        var keys = new List<double>(active.Count);
        var present = new List<int>(active.Count);
        var missing = new List<int>();
        foreach (var r in active)
        {
            if (double.IsNaN(column[r]))
            {
                missing.Add(r);
            }
            else
            {
                keys.Add(column[r]);
                present.Add(r);
            }
        }

        double[] keyArray = [.. keys];
        int[] rowArray = [.. present];
        Array.Sort(keyArray, rowArray);
        rowArray.CopyTo(_sorted, f * ActiveCount);
        missing.CopyTo(_sorted, (f * ActiveCount) + rowArray.Length);
    }
}
