namespace Vigil.Features.Synthesis;

/// <summary>
/// Screens a candidate by how much of the base model's out-of-fold residual it explains on its own: the share of the
/// residual sum of squares removed by a depth-limited regression tree grown on the candidate alone — the "feature boosting"
/// screen of OpenFE (Zhang et al. 2023, ICML), which scores new features against what the base features already predict.
/// Residuals are y − p per class (one-hot y, OOF probabilities p) for classification, y − ŷ for regression.
/// </summary>
internal sealed class ResidualScreen
{
    private readonly double[] _residuals;
    private readonly int _outputs;
    private readonly int _depth;
    private readonly int _minLeaf;
    private readonly double _total;

    public ResidualScreen(double[] residuals, int outputs, int depth, int minLeaf)
    {
        (_residuals, _outputs, _depth, _minLeaf) = (residuals, outputs, depth, minLeaf);
        _total = residuals.Sum(r => r * r);
    }

    /// <summary>The share in [0, 1] of the residual sum of squares a tree on <paramref name="x"/> removes (missing values form their own leaf).</summary>
    public double Explained(ReadOnlySpan<double> x)
    {
        if (_total <= 0)
        {
            return 0;
        }

        var order = new List<int>(x.Length);
        var missing = new List<int>();
        for (var i = 0; i < x.Length; i++)
        {
            (double.IsNaN(x[i]) ? missing : order).Add(i);
        }

        var values = x.ToArray();
        var rows = order.ToArray();
        Array.Sort(rows, (a, b) => values[a].CompareTo(values[b]));
        var sorted = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            sorted[i] = values[rows[i]];
        }

        var all = Enumerable.Range(0, x.Length).ToArray();
        var explained = Gain(sorted, rows, 0, rows.Length, _depth) + LeafTerm([.. missing], 0, missing.Count) - LeafTerm(all, 0, all.Length);
        return Math.Clamp(explained / _total, 0, 1);
    }

    /// <summary>Σ over leaves of Σ_k S_k² / n (the part of the SSE a leaf mean removes), for the best tree on rows [from, to).</summary>
    private double Gain(double[] x, int[] rows, int from, int to, int depth)
    {
        var here = LeafTerm(rows, from, to);
        var count = to - from;
        if (depth == 0 || count < 2 * _minLeaf)
        {
            return here;
        }

        var all = Sums(rows, from, to);
        var left = new double[_outputs];
        var best = here;
        var split = -1;
        for (var i = from; i < to - 1; i++)
        {
            for (var k = 0; k < _outputs; k++)
            {
                left[k] += _residuals[(rows[i] * _outputs) + k];
            }

            var nl = i - from + 1;
            if (x[i] == x[i + 1] || nl < _minLeaf || count - nl < _minLeaf)
            {
                continue;
            }

            double value = 0;
            for (var k = 0; k < _outputs; k++)
            {
                var right = all[k] - left[k];
                value += (left[k] * left[k] / nl) + (right * right / (count - nl));
            }

            if (value > best + 1e-12)
            {
                (best, split) = (value, i + 1);
            }
        }

        return split < 0 ? here : Gain(x, rows, from, split, depth - 1) + Gain(x, rows, split, to, depth - 1);
    }

    private double LeafTerm(int[] rows, int from, int to)
    {
        if (to <= from)
        {
            return 0;
        }

        return Sums(rows, from, to).Sum(s => s * s) / (to - from);
    }

    private double[] Sums(int[] rows, int from, int to)
    {
        var sums = new double[_outputs];
        for (var i = from; i < to; i++)
        {
            for (var k = 0; k < _outputs; k++)
            {
                sums[k] += _residuals[(rows[i] * _outputs) + k];
            }
        }

        return sums;
    }
}
