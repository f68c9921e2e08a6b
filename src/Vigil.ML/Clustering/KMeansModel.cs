using Vigil.ML.Preprocessing;

namespace Vigil.ML.Clustering;

/// <summary>Fitted, immutable, thread-safe k-means centroids: assigns a row to its nearest centroid (Euclidean) without allocating.</summary>
public sealed class KMeansModel
{
    private const int FormatVersion = 1;
    private readonly double[] _centroids;

    internal KMeansModel(double[] centroids, int clusterCount, int featureCount, double inertia, int iterations)
    {
        if (clusterCount < 1 || featureCount < 0 || centroids.Length != clusterCount * featureCount || !centroids.All(double.IsFinite))
        {
            throw new ArgumentException("Inconsistent k-means centroids.");
        }

        (_centroids, ClusterCount, FeatureCount, Inertia, Iterations) = (centroids, clusterCount, featureCount, inertia, iterations);
    }

    /// <summary>The number of clusters.</summary>
    public int ClusterCount { get; }

    /// <summary>The number of features every row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>The centroids, <see cref="ClusterCount"/> × <see cref="FeatureCount"/> row-major.</summary>
    public ReadOnlySpan<double> Centroids => _centroids;

    /// <summary>The sum of squared distances of the training rows to their nearest centroid.</summary>
    public double Inertia { get; }

    /// <summary>The Lloyd iterations of the kept restart.</summary>
    public int Iterations { get; }

    /// <summary>The centroid of cluster <paramref name="cluster"/>.</summary>
    public ReadOnlySpan<double> Centroid(int cluster)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)cluster, (uint)ClusterCount, nameof(cluster));
        return new ReadOnlySpan<double>(_centroids, cluster * FeatureCount, FeatureCount);
    }

    /// <summary>The index of the nearest centroid (the lowest index on ties).</summary>
    public int Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        var (best, bestDistance) = (0, double.PositiveInfinity);
        for (var c = 0; c < ClusterCount; c++)
        {
            var distance = LloydRun.SquaredDistance(row, new ReadOnlySpan<double>(_centroids, c * FeatureCount, FeatureCount));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (c, distance);
            }
        }

        return best;
    }

    /// <summary>The nearest centroid of every row.</summary>
    public int[] Predict(FeatureMatrix features)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var result = new int[features.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Predict(features.Row(i));
        }

        return result;
    }

    /// <summary>Writes the Euclidean distance from <paramref name="row"/> to every centroid into <paramref name="distances"/> (scikit-learn's transform).</summary>
    public void Distances(ReadOnlySpan<double> row, Span<double> distances)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(distances.Length, ClusterCount, nameof(distances));
        for (var c = 0; c < ClusterCount; c++)
        {
            distances[c] = Math.Sqrt(LloydRun.SquaredDistance(row, new ReadOnlySpan<double>(_centroids, c * FeatureCount, FeatureCount)));
        }
    }

    /// <summary>Writes int32 version, int32 clusters, int32 features, int32 iterations, float64 inertia, then the centroids (float64), little-endian.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatVersion);
        writer.Write(ClusterCount);
        writer.Write(FeatureCount);
        writer.Write(Iterations);
        writer.Write(Inertia);
        BinaryChecks.WriteAll(writer, _centroids);
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> when the data is inconsistent.</summary>
    public static KMeansModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"k-means format version {version} is not supported (expected {FormatVersion}).");
        }

        var (k, d, iterations, inertia) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());
        if (k < 1 || d < 0 || (long)k * d * 8 > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"k-means header ({k} clusters × {d} features) does not fit the data.");
        }

        try
        {
            return new KMeansModel(BinaryChecks.ReadDoubles(reader, k * d), k, d, inertia, iterations);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
