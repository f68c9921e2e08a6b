namespace Vigil.ML.Forests;

/// <summary>Row partitioning, histogram building and the per-depth scratch slots of <see cref="HistogramTreeBuilder"/>.</summary>
internal sealed partial class HistogramTreeBuilder
{
    private Span<double> Totals(int slot) => _totals.AsSpan(slot * _stride, _stride);

    private double[] SlotHist(int slot)
    {
        while (_slotHists.Count <= slot)
        {
            _slotHists.Add(new double[_binOffset[_featureCount]]);
        }

        return _slotHists[slot];
    }

    private void EnsureSlots(int count)
    {
        if (_pending.Length < count)
        {
            Array.Resize(ref _pending, count * 2);
        }

        if (_totals.Length < count * _stride)
        {
            Array.Resize(ref _totals, count * 2 * _stride);
        }
    }

    private void AddLeaf(ReadOnlySpan<double> totals)
    {
        _nodes.Add(new ForestNode(0, _leafValues.Count, -1, false));
        var w = totals[1];
        for (var k = 2; k < _stride; k++)
        {
            _leafValues.Add(totals[k] / w);
        }
    }

    /// <summary>Reorders rows [start, end) into left rows then right rows; returns the left count.</summary>
    private int Partition(int start, int end, int feature, int bin, bool missingLeft)
    {
        var codes = _bins.Codes(feature);
        var missing = _bins.BinCount(feature);
        var rows = _rows;
        int i = start, j = end - 1;
        while (i <= j)
        {
            var c = codes[rows[i]];
            if (c <= bin || (c == missing && missingLeft))
            {
                i++;
            }
            else
            {
                (rows[i], rows[j]) = (rows[j], rows[i]);
                j--;
            }
        }

        return i - start;
    }

    /// <summary>Adds the node's rows to a clean one-feature histogram; returns the lowest and highest present bin (lo > hi if none).</summary>
    private (int Lo, int Hi) Accumulate(Span<double> hist, int feature, int start, int end)
    {
        var codes = _bins.Codes(feature);
        var missing = _bins.BinCount(feature);
        var s = _stride;
        int lo = int.MaxValue, hi = -1;
        foreach (var r in _rows.AsSpan(start, end - start))
        {
            int c = codes[r];
            var o = c * s;
            hist[o] += 1;
            hist[o + 1] += _weights[r];
            hist[o + _statIndex[r]] += _weighted[r];
            if (c != missing)
            {
                lo = Math.Min(lo, c);
                hi = Math.Max(hi, c);
            }
        }

        return lo == int.MaxValue ? (0, -1) : (lo, hi);
    }

    /// <summary>Builds the histograms of every feature over rows [start, end).</summary>
    private void BuildAll(double[] hist, int start, int end)
    {
        Array.Clear(hist);
        var s = _stride;
        for (var f = 0; f < _featureCount; f++)
        {
            var codes = _bins.Codes(f);
            var section = hist.AsSpan(_binOffset[f], _binOffset[f + 1] - _binOffset[f]);
            foreach (var r in _rows.AsSpan(start, end - start))
            {
                var o = codes[r] * s;
                section[o] += 1;
                section[o + 1] += _weights[r];
                section[o + _statIndex[r]] += _weighted[r];
            }
        }
    }

    /// <summary>Gives the children in slots <paramref name="top"/> (right) and top + 1 (left) their histograms: smaller built, larger subtracted.</summary>
    private void SplitHistograms(int top, Pending left, Pending right)
    {
        var leftNeeds = !IsTerminal(left, Totals(top + 1));
        var rightNeeds = !IsTerminal(right, Totals(top));
        if (!leftNeeds && !rightNeeds)
        {
            return;
        }

        var leftSmaller = left.End - left.Start <= right.End - right.Start;
        var small = leftSmaller ? left : right;
        var parent = SlotHist(top);
        var built = SlotHist(top + 1);
        BuildAll(built, small.Start, small.End);
        if (leftSmaller ? rightNeeds : leftNeeds)
        {
            for (var i = 0; i < parent.Length; i++)
            {
                parent[i] -= built[i];
            }
        }

        if (!leftSmaller)
        {
            // built = right, parent = left: swap so the right child's histogram sits in its slot.
            (_slotHists[top], _slotHists[top + 1]) = (_slotHists[top + 1], _slotHists[top]);
        }
    }
}
