using Vigil.Data.Internal;

namespace Vigil.Data.Validation.Leakage;

/// <summary>Counts of (column value, target class) pairs over rows where both are present.</summary>
internal sealed class CrossTab
{
    private readonly int[] _counts;

    /// <summary>Tabulates <paramref name="column"/> against the classes of <paramref name="target"/>.</summary>
    public CrossTab(EncodedColumn column, EncodedColumn target)
    {
        Values = column.DistinctCount;
        Classes = target.DistinctCount;
        _counts = new int[Values * Classes];
        RowTotals = new int[Values];
        ClassTotals = new int[Classes];
        var x = column.Codes;
        var y = target.Codes;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] < 0 || y[i] < 0)
            {
                continue;
            }

            _counts[(x[i] * Classes) + y[i]]++;
            RowTotals[x[i]]++;
            ClassTotals[y[i]]++;
            Total++;
        }
    }

    /// <summary>The number of distinct column values.</summary>
    public int Values { get; }

    /// <summary>The number of target classes.</summary>
    public int Classes { get; }

    /// <summary>Rows per column value.</summary>
    public int[] RowTotals { get; }

    /// <summary>Rows per target class.</summary>
    public int[] ClassTotals { get; }

    /// <summary>Rows where both are present.</summary>
    public int Total { get; }

    /// <summary>Rows with column value <paramref name="value"/> and class <paramref name="cls"/>.</summary>
    public int this[int value, int cls] => _counts[(value * Classes) + cls];

    /// <summary>The most frequent class among rows with column value <paramref name="value"/> (lowest code on a tie).</summary>
    public int ArgMax(int value)
    {
        var best = 0;
        for (var c = 1; c < Classes; c++)
        {
            if (this[value, c] > this[value, best])
            {
                best = c;
            }
        }

        return best;
    }
}
