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

    /// <summary>The split search of a small node: per candidate feature, a histogram of only the bins its rows occupy.</summary>
    private bool FindSmallSplit(Pending node, ReadOnlySpan<double> totals)
    {
        var n = node.End - node.Start;
        var keys = _smallKeys.AsSpan(0, n);
        var hist = _smallHist.AsSpan(0, (n + 1) * _stride);
        for (var f = 0; f < _featureCount; f++)
        {
            _featureOrder[f] = f;
        }

        var limit = _subtract ? _featureCount : _growth.MaxFeatures;
        for (var visited = 0; visited < _featureCount; visited++)
        {
            if (visited >= limit && _scanner.Found)
            {
                break;
            }

            var f = _featureOrder[visited];
            if (!_subtract)
            {
                var j = _random.Next(visited, _featureCount);
                (_featureOrder[visited], _featureOrder[j]) = (_featureOrder[j], _featureOrder[visited]);
                f = _featureOrder[visited];
            }

            var codes = _bins.Codes(f);
            var missing = _bins.BinCount(f);
            var rows = _rows.AsSpan(node.Start, n);
            for (var i = 0; i < n; i++)
            {
                keys[i] = ((long)codes[rows[i]] << 32) | (uint)rows[i];
            }

            keys.Sort();
            var bins = 0;
            var previous = -1;
            foreach (var key in keys)
            {
                var code = (int)(key >> 32);
                if (code != previous && code != missing)
                {
                    _smallMap[bins++] = code;
                    previous = code;
                }
            }

            hist[..((bins + 1) * _stride)].Clear();
            var b = -1;
            previous = -1;
            foreach (var key in keys)
            {
                var code = (int)(key >> 32);
                var r = (int)key;
                if (code != previous)
                {
                    b = code == missing ? bins : b + 1;
                    previous = code;
                }

                var o = b * _stride;
                hist[o] += 1;
                hist[o + 1] += _weights[r];
                hist[o + _statIndex[r]] += _weighted[r];
            }

            if (bins > 0)
            {
                _scanner.Scan(f, hist[..((bins + 1) * _stride)], bins, 0, bins - 1, totals, _smallMap);
            }
        }

        return _scanner.Found;
    }

    /// <summary>Gives the children in slots <paramref name="top"/> (right) and top + 1 (left) their histograms: smaller built, larger subtracted.</summary>
    private void SplitHistograms(int top, Pending left, Pending right)
    {
        var leftNeeds = !IsTerminal(left, Totals(top + 1)) && left.End - left.Start > SmallNodeRows;
        var rightNeeds = !IsTerminal(right, Totals(top)) && right.End - right.Start > SmallNodeRows;
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
