using System.Buffers;

namespace Vigil.ML.Boosting;

/// <summary>
/// Immutable boosted trees in one flat node array: tree t (of round t / K, output t mod K) starts at its root index.
/// Raw scores are the base score plus the sum of leaf values; batches are scored in row blocks so a tree stays in
/// cache while a block of rows walks it.
/// </summary>
internal sealed class BoostedEnsemble
{
    private const int BlockRows = PredictionLayout.MaxBlock;

    private readonly EnsembleNode[] _nodes;
    private readonly int[] _roots;
    private readonly double[] _baseScores;
    private readonly double[] _importances;
    private readonly double[] _validationLosses;
    private readonly PredictionLayout _layout;

    public BoostedEnsemble(EnsembleNode[] nodes, int[] roots, int outputs, int featureCount, double[] baseScores, double[] importances, double[] validationLosses)
    {
        if (outputs < 1 || baseScores.Length != outputs || roots.Length % outputs != 0 || importances.Length != featureCount)
        {
            throw new ArgumentException($"Inconsistent ensemble: {outputs} outputs, {baseScores.Length} base scores, {roots.Length} trees, {importances.Length} importances for {featureCount} features.");
        }

        for (var t = 0; t < roots.Length; t++)
        {
            var end = t + 1 < roots.Length ? roots[t + 1] : nodes.Length;
            if (roots[t] < 0 || roots[t] >= end || end > nodes.Length)
            {
                throw new ArgumentException($"Tree {t} spans nodes [{roots[t]}, {end}) of {nodes.Length}.");
            }

            for (var i = roots[t]; i < end; i++)
            {
                var n = nodes[i];
                if (!n.IsLeaf && (n.Left <= i || n.Left + 1 >= end || (uint)n.FeatureIndex >= (uint)featureCount))
                {
                    throw new ArgumentException($"Node {i} of tree {t} has children {n.Left}/{n.Left + 1} or feature {n.FeatureIndex} out of range.");
                }
            }
        }

        _nodes = nodes;
        _roots = roots;
        Outputs = outputs;
        FeatureCount = featureCount;
        _baseScores = baseScores;
        _importances = importances;
        _validationLosses = validationLosses;
        _layout = new PredictionLayout(nodes, roots);
    }

    public int Outputs { get; }

    public int FeatureCount { get; }

    public int TreeCount => _roots.Length;

    public int Rounds => _roots.Length / Outputs;

    public ReadOnlySpan<EnsembleNode> Nodes => _nodes;

    public ReadOnlySpan<int> Roots => _roots;

    public ReadOnlySpan<double> BaseScores => _baseScores;

    public ReadOnlySpan<double> Importances => _importances;

    public ReadOnlySpan<double> ValidationLosses => _validationLosses;

    /// <summary>The raw scores of one row (one per output), without allocating.</summary>
    public void Raw(ReadOnlySpan<double> row, Span<double> scores)
    {
        _baseScores.CopyTo(scores);
        _layout.Add(row, scores, Outputs);
    }

    /// <summary>Writes output k of row r to destination[r·stride + offset + k], in row blocks, in parallel for large batches.</summary>
    public void RawBatch(FeatureMatrix features, Span<double> destination, int stride, int offset, int degreeOfParallelism)
    {
        var n = features.RowCount;
        var blocks = (n + BlockRows - 1) / BlockRows;
        if (degreeOfParallelism <= 1 || blocks < 4)
        {
            for (var b = 0; b < blocks; b++)
            {
                ScoreBlock(features, b, destination, stride, offset);
            }

            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(n * stride);
        try
        {
            Parallel.For(
                0,
                blocks,
                new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
                b => ScoreBlock(features, b, buffer, stride, offset));
            for (var r = 0; r < n; r++)
            {
                buffer.AsSpan((r * stride) + offset, Outputs).CopyTo(destination.Slice((r * stride) + offset, Outputs));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private void ScoreBlock(FeatureMatrix features, int block, Span<double> destination, int stride, int offset)
    {
        var first = block * BlockRows;
        var count = Math.Min(features.RowCount, first + BlockRows) - first;
        for (var r = first; r < first + count; r++)
        {
            _baseScores.CopyTo(destination.Slice((r * stride) + offset, Outputs));
        }

        _layout.AddBlock(features.Values, FeatureCount, first, count, destination[((first * stride) + offset)..], stride, Outputs);
    }
}
