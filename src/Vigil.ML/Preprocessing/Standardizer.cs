namespace Vigil.ML.Preprocessing;

/// <summary>
/// Fitted per-feature centering and scaling, z = (x − mean) / scale, with the population standard
/// deviation as scale (scikit-learn's StandardScaler); a constant feature keeps scale 1.
/// </summary>
public sealed class Standardizer
{
    private const int FormatVersion = 1;
    private readonly double[] _means;
    private readonly double[] _scales;

    private Standardizer(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
    }

    /// <summary>The number of features.</summary>
    public int FeatureCount => _means.Length;

    /// <summary>The fitted mean of every feature (0 for an identity standardizer).</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>The fitted scale of every feature: the population standard deviation, or 1 for a constant feature.</summary>
    public ReadOnlySpan<double> Scales => _scales;

    /// <summary>Whether this standardizer leaves values unchanged (every mean 0, every scale 1).</summary>
    public bool IsIdentity => _means.All(m => m == 0) && _scales.All(s => s == 1);

    /// <summary>Fits the (optionally weighted) mean and population standard deviation of every column; rows of weight 0 are ignored.</summary>
    public static Standardizer Fit(FeatureMatrix features, ReadOnlySpan<double> sampleWeights = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (n, d) = (features.RowCount, features.ColumnCount);
        if (!sampleWeights.IsEmpty && sampleWeights.Length != n)
        {
            throw new ArgumentException($"There are {sampleWeights.Length} weights for {n} rows.", nameof(sampleWeights));
        }

        var means = new double[d];
        var scales = new double[d];
        var values = features.Values;
        var total = 0.0;
        for (var r = 0; r < n; r++)
        {
            var w = sampleWeights.IsEmpty ? 1.0 : sampleWeights[r];
            total += w;
            for (var f = 0; f < d; f++)
            {
                means[f] += w * values[(r * d) + f];
            }
        }

        if (total <= 0)
        {
            return Identity(d);
        }

        for (var f = 0; f < d; f++)
        {
            means[f] /= total;
        }

        for (var r = 0; r < n; r++)
        {
            var w = sampleWeights.IsEmpty ? 1.0 : sampleWeights[r];
            for (var f = 0; f < d; f++)
            {
                var delta = values[(r * d) + f] - means[f];
                scales[f] += w * delta * delta;
            }
        }

        for (var f = 0; f < d; f++)
        {
            var std = Math.Sqrt(scales[f] / total);
            scales[f] = std <= 1e-12 * Math.Max(1.0, Math.Abs(means[f])) || !double.IsFinite(std) ? 1.0 : std;
        }

        return new Standardizer(means, scales);
    }

    /// <summary>A standardizer that leaves <paramref name="featureCount"/> features unchanged.</summary>
    public static Standardizer Identity(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        return new Standardizer(new double[featureCount], [.. Enumerable.Repeat(1.0, featureCount)]);
    }

    /// <summary>A standardizer with the given means and positive, finite scales (copied).</summary>
    public static Standardizer Create(ReadOnlySpan<double> means, ReadOnlySpan<double> scales)
    {
        if (means.Length != scales.Length)
        {
            throw new ArgumentException($"There are {means.Length} means but {scales.Length} scales.", nameof(scales));
        }

        foreach (var s in scales)
        {
            if (!(s > 0) || !double.IsFinite(s))
            {
                throw new ArgumentException($"Scale {s} is not positive and finite.", nameof(scales));
            }
        }

        foreach (var m in means)
        {
            if (!double.IsFinite(m))
            {
                throw new ArgumentException($"Mean {m} is not finite.", nameof(means));
            }
        }

        return new Standardizer(means.ToArray(), scales.ToArray());
    }

    /// <summary>Writes the standardized values of <paramref name="row"/> into <paramref name="destination"/> without allocating.</summary>
    public void Transform(ReadOnlySpan<double> row, Span<double> destination)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(destination.Length, FeatureCount, nameof(destination));
        for (var f = 0; f < row.Length; f++)
        {
            destination[f] = (row[f] - _means[f]) / _scales[f];
        }
    }

    /// <summary>A new matrix with every row standardized.</summary>
    public FeatureMatrix Transform(FeatureMatrix features)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var result = new double[features.Values.Length];
        for (var r = 0; r < features.RowCount; r++)
        {
            Transform(features.Row(r), result.AsSpan(r * FeatureCount, FeatureCount));
        }

        return new FeatureMatrix(features.RowCount, FeatureCount, result);
    }

    /// <summary>Writes a versioned binary form: int32 version, int32 feature count, then means and scales (float64).</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatVersion);
        writer.Write(FeatureCount);
        foreach (var m in _means)
        {
            writer.Write(m);
        }

        foreach (var s in _scales)
        {
            writer.Write(s);
        }
    }

    /// <summary>Reads a standardizer written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on a bad version or values.</summary>
    public static Standardizer Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Standardizer format version {version} is not supported (expected {FormatVersion}).");
        }

        var d = BinaryChecks.ReadCount(reader, 16);
        var means = BinaryChecks.ReadDoubles(reader, d);
        var scales = BinaryChecks.ReadDoubles(reader, d);
        try
        {
            return Create(means, scales);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
