namespace Vigil.ML.Trees;

/// <summary>
/// A Fenwick (binary indexed) tree over target ranks holding weights and weighted targets, so a set's
/// weighted median and absolute deviation around it cost O(log n) (Fenwick 1994).
/// </summary>
internal sealed class WeightedFenwick(int capacity)
{
    private readonly double[] _weight = new double[capacity + 1];
    private readonly double[] _sum = new double[capacity + 1];
    private int _size;

    public void Clear(int size)
    {
        _size = size;
        Array.Clear(_weight, 0, size + 1);
        Array.Clear(_sum, 0, size + 1);
    }

    public void Add(int rank, double weight, double weightedTarget)
    {
        for (var i = rank + 1; i <= _size; i += i & -i)
        {
            _weight[i] += weight;
            _sum[i] += weightedTarget;
        }
    }

    /// <summary>Weight and weighted-target sums over ranks 0..<paramref name="rank"/> of this tree plus <paramref name="other"/> (if any).</summary>
    public (double Weight, double Sum) Prefix(int rank, WeightedFenwick? other)
    {
        double w = 0, s = 0;
        for (var i = rank + 1; i > 0; i -= i & -i)
        {
            w += _weight[i] + (other is null ? 0 : other._weight[i]);
            s += _sum[i] + (other is null ? 0 : other._sum[i]);
        }

        return (w, s);
    }

    /// <summary>The smallest rank whose cumulative weight (this tree plus <paramref name="other"/>) reaches <paramref name="target"/>.</summary>
    public int Search(double target, WeightedFenwick? other)
    {
        var pos = 0;
        var acc = 0.0;
        var step = 1;
        while (step * 2 <= _size)
        {
            step *= 2;
        }

        for (; step > 0; step /= 2)
        {
            var next = pos + step;
            if (next <= _size)
            {
                var w = _weight[next] + (other is null ? 0 : other._weight[next]);
                if (acc + w < target)
                {
                    pos = next;
                    acc += w;
                }
            }
        }

        return Math.Min(pos, _size - 1);
    }
}
