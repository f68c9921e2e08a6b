namespace Vigil.ML.Anomaly;

/// <summary>
/// Isolation trees in flat arrays: per node the split feature (−1 for a leaf), threshold (x &lt; t goes left), children
/// and, for leaves, the path length credit depth + c(size). <see cref="Roots"/> holds each tree's first node.
/// </summary>
internal sealed record IsolationTree(int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] LeafDepth, int[] Roots)
{
    public int NodeCount => Feature.Length;

    public static IsolationTree Grow(FeatureMatrix features, int samples, int seed)
    {
        var random = new Random(seed);
        var n = features.RowCount;
        var rows = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < samples; i++)
        {
            var j = i + random.Next(n - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        var builder = new Builder(features, random, (int)Math.Ceiling(Math.Log2(samples)));
        builder.Build(rows.AsSpan(0, samples), 0);
        return new IsolationTree([.. builder.Feature], [.. builder.Threshold], [.. builder.Left], [.. builder.Right], [.. builder.LeafDepth], [0]);
    }

    public static IsolationTree Concatenate(IsolationTree[] trees)
    {
        var roots = new int[trees.Length];
        var offset = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            roots[t] = offset;
            offset += trees[t].NodeCount;
        }

        int[] Shift(Func<IsolationTree, int[]> pick) =>
            [.. trees.SelectMany((tree, t) => pick(tree).Select(child => child < 0 ? child : child + roots[t]))];

        return new IsolationTree(
            [.. trees.SelectMany(t => t.Feature)], [.. trees.SelectMany(t => t.Threshold)], Shift(t => t.Left), Shift(t => t.Right),
            [.. trees.SelectMany(t => t.LeafDepth)], roots);
    }

    private sealed class Builder(FeatureMatrix features, Random random, int heightLimit)
    {
        public List<int> Feature { get; } = [];

        public List<double> Threshold { get; } = [];

        public List<int> Left { get; } = [];

        public List<int> Right { get; } = [];

        public List<double> LeafDepth { get; } = [];

        public int Build(Span<int> rows, int depth)
        {
            var node = Feature.Count;
            Feature.Add(-1);
            Threshold.Add(0);
            Left.Add(-1);
            Right.Add(-1);
            LeafDepth.Add(depth + IsolationForest.AveragePathLength(rows.Length));
            if (depth >= heightLimit || rows.Length <= 1 || !TryPickSplit(rows, out var feature, out var threshold))
            {
                return node;
            }

            // Partition: x < threshold first.
            var split = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                if (features[rows[i], feature] < threshold)
                {
                    (rows[i], rows[split]) = (rows[split], rows[i]);
                    split++;
                }
            }

            Feature[node] = feature;
            Threshold[node] = threshold;
            LeafDepth[node] = 0;
            Left[node] = Build(rows[..split], depth + 1);
            Right[node] = Build(rows[split..], depth + 1);
            return node;
        }

        /// <summary>A random feature that is not constant on these rows (features tried in random order) and a uniform threshold in (min, max].</summary>
        private bool TryPickSplit(Span<int> rows, out int feature, out double threshold)
        {
            var d = features.ColumnCount;
            Span<int> order = d <= 256 ? stackalloc int[d] : new int[d];
            for (var f = 0; f < d; f++)
            {
                order[f] = f;
            }

            for (var tried = 0; tried < d; tried++)
            {
                var pick = tried + random.Next(d - tried);
                (order[tried], order[pick]) = (order[pick], order[tried]);
                feature = order[tried];
                var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
                foreach (var r in rows)
                {
                    var v = features[r, feature];
                    (min, max) = (Math.Min(min, v), Math.Max(max, v));
                }

                if (max > min)
                {
                    threshold = min + (random.NextDouble() * (max - min));
                    if (threshold <= min)
                    {
                        threshold = max; // keeps both sides non-empty
                    }

                    return true;
                }
            }

            (feature, threshold) = (-1, 0);
            return false;
        }
    }
}
