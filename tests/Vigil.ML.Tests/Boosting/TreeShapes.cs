using Vigil.ML.Boosting;

namespace Vigil.ML.Tests.Boosting;

/// <summary>Structural measurements of a fitted ensemble's trees, for tests.</summary>
internal static class TreeShapes
{
    public static int[] Depths(BoostedEnsemble e) => [.. Range(e).Select(t => Depth(e, t.Root, 0))];

    public static int[] Leaves(BoostedEnsemble e) => [.. Range(e).Select(t => Enumerable.Range(t.Root, t.End - t.Root).Count(i => e.Nodes[i].IsLeaf))];

    /// <summary>How many rows of <paramref name="x"/> reach each leaf of each tree.</summary>
    public static IEnumerable<int> LeafRowCounts(BoostedEnsemble e, FeatureMatrix x)
    {
        foreach (var (root, end) in Range(e))
        {
            var counts = new int[end - root];
            for (var r = 0; r < x.RowCount; r++)
            {
                var i = root;
                while (!e.Nodes[i].IsLeaf)
                {
                    var n = e.Nodes[i];
                    var v = x[r, n.FeatureIndex];
                    i = v <= n.Value || (double.IsNaN(v) && n.DefaultLeft) ? n.Left : n.Left + 1;
                }

                counts[i - root]++;
            }

            for (var i = root; i < end; i++)
            {
                if (e.Nodes[i].IsLeaf)
                {
                    yield return counts[i - root];
                }
            }
        }
    }

    private static IEnumerable<(int Root, int End)> Range(BoostedEnsemble e) =>
        Enumerable.Range(0, e.TreeCount).Select(t => (e.Roots[t], t + 1 < e.TreeCount ? e.Roots[t + 1] : e.Nodes.Length));

    private static int Depth(BoostedEnsemble e, int node, int depth) =>
        e.Nodes[node].IsLeaf ? depth : Math.Max(Depth(e, e.Nodes[node].Left, depth + 1), Depth(e, e.Nodes[node].Left + 1, depth + 1));
}
