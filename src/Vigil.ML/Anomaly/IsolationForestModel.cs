using Vigil.ML.Preprocessing;

namespace Vigil.ML.Anomaly;

/// <summary>A fitted, immutable, thread-safe isolation forest: anomaly scores in (0, 1] (higher = more anomalous) and a decision threshold; scoring allocates nothing.</summary>
public sealed class IsolationForestModel
{
    private const int FormatVersion = 1;
    private readonly IsolationTree _forest;
    private readonly double _normalizer;

    internal IsolationForestModel(IsolationTree forest, int featureCount, int samplesPerTree, double threshold)
    {
        var nodes = forest.NodeCount;
        for (var i = 0; i < nodes; i++)
        {
            var leaf = forest.Feature[i] < 0;
            if (forest.Feature[i] >= featureCount || (!leaf && ((uint)forest.Left[i] >= (uint)nodes || (uint)forest.Right[i] >= (uint)nodes
                || forest.Left[i] <= i || forest.Right[i] <= i)))
            {
                throw new ArgumentException($"Isolation forest node {i} is inconsistent.");
            }
        }

        if (forest.Roots.Length == 0 || forest.Roots.Any(r => (uint)r >= (uint)nodes) || samplesPerTree < 1 || !double.IsFinite(threshold))
        {
            throw new ArgumentException("Inconsistent isolation forest header.");
        }

        (_forest, FeatureCount, SamplesPerTree, Threshold) = (forest, featureCount, samplesPerTree, threshold);
        _normalizer = IsolationForest.AveragePathLength(samplesPerTree);
    }

    /// <summary>The number of features every row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _forest.Roots.Length;

    /// <summary>The subsample size ψ each tree was grown on; scores are normalized by c(ψ).</summary>
    public int SamplesPerTree { get; }

    /// <summary>A row is an anomaly when its score exceeds this (0.5 for "auto", else the training-score quantile).</summary>
    public double Threshold { get; }

    /// <summary>The mean path length E[h(x)] over the trees, each leaf credited depth + c(leaf size).</summary>
    public double AveragePathLength(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        return PathLength(row);
    }

    /// <summary>The anomaly score s(x) = 2^(−E[h(x)] / c(ψ)) in (0, 1]; about 0.5 or less is normal, close to 1 is anomalous.</summary>
    public double Score(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        return ScoreOf(row);
    }

    /// <summary>The score of every row.</summary>
    public double[] Score(FeatureMatrix features)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var result = new double[features.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ScoreOf(features.Row(i));
        }

        return result;
    }

    /// <summary>Whether the row's score exceeds <see cref="Threshold"/>.</summary>
    public bool IsAnomaly(ReadOnlySpan<double> row) => Score(row) > Threshold;

    private double ScoreOf(ReadOnlySpan<double> row) =>
        _normalizer > 0 ? Math.Pow(2, -PathLength(row) / _normalizer) : 1;

    private double PathLength(ReadOnlySpan<double> row)
    {
        var (feature, threshold, left, right, leafDepth) = (_forest.Feature, _forest.Threshold, _forest.Left, _forest.Right, _forest.LeafDepth);
        var total = 0.0;
        foreach (var root in _forest.Roots)
        {
            var node = root;
            while (feature[node] >= 0)
            {
                node = row[feature[node]] < threshold[node] ? left[node] : right[node];
            }

            total += leafDepth[node];
        }

        return total / _forest.Roots.Length;
    }

    /// <summary>Writes int32 version, int32 features, int32 ψ, float64 threshold, int32 trees + roots, int32 nodes, then per node int32 feature, float64 threshold, int32 left, int32 right, float64 leaf depth.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatVersion);
        writer.Write(FeatureCount);
        writer.Write(SamplesPerTree);
        writer.Write(Threshold);
        writer.Write(TreeCount);
        BinaryChecks.WriteAll(writer, _forest.Roots);
        writer.Write(_forest.NodeCount);
        for (var i = 0; i < _forest.NodeCount; i++)
        {
            writer.Write(_forest.Feature[i]);
            writer.Write(_forest.Threshold[i]);
            writer.Write(_forest.Left[i]);
            writer.Write(_forest.Right[i]);
            writer.Write(_forest.LeafDepth[i]);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> when the data is inconsistent.</summary>
    public static IsolationForestModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Isolation forest format version {version} is not supported (expected {FormatVersion}).");
        }

        var (features, samples, threshold) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());
        var roots = BinaryChecks.ReadInts(reader, BinaryChecks.ReadCount(reader, 4));
        var nodes = BinaryChecks.ReadCount(reader, 28);
        var (f, t, l, r, depth) = (new int[nodes], new double[nodes], new int[nodes], new int[nodes], new double[nodes]);
        for (var i = 0; i < nodes; i++)
        {
            (f[i], t[i], l[i], r[i], depth[i]) = (reader.ReadInt32(), reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());
        }

        try
        {
            return new IsolationForestModel(new IsolationTree(f, t, l, r, depth, roots), features, samples, threshold);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
