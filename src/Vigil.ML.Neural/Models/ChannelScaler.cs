namespace Vigil.ML.Neural.Models;

/// <summary>Per-channel standardization (z = (x − mean) / std) fitted on training rows and stored inside a neural model so serving computes the same inputs.</summary>
public sealed class ChannelScaler
{
    private readonly float[] _mean;
    private readonly float[] _inverseStd;

    /// <summary>Creates a scaler from per-channel means and standard deviations (a zero deviation leaves the channel unscaled).</summary>
    public ChannelScaler(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length != std.Length || mean.Length == 0)
        {
            throw new ArgumentException($"The scaler has {mean.Length} means and {std.Length} deviations.", nameof(std));
        }

        _mean = [.. mean];
        _inverseStd = [.. std.Select(s => s > 1e-12f && float.IsFinite(s) ? 1f / s : 1f)];
        Std = [.. std];
    }

    /// <summary>The channel means.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>The channel standard deviations as fitted.</summary>
    public IReadOnlyList<float> Std { get; }

    /// <summary>The number of channels.</summary>
    public int Channels => _mean.Length;

    /// <summary>Fits means and deviations over every row and step of <paramref name="inputs"/> ([rows × steps × channels]).</summary>
    public static ChannelScaler Fit(ReadOnlySpan<float> inputs, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        var sum = new double[channels];
        var sumSquares = new double[channels];
        var count = inputs.Length / channels;
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                double v = inputs[(i * channels) + c];
                sum[c] += v;
                sumSquares[c] += v * v;
            }
        }

        var mean = new float[channels];
        var std = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var m = count == 0 ? 0 : sum[c] / count;
            var variance = count == 0 ? 0 : Math.Max(0, (sumSquares[c] / count) - (m * m));
            mean[c] = (float)m;
            std[c] = (float)Math.Sqrt(variance);
        }

        return new ChannelScaler(mean, std);
    }

    /// <summary>Standardizes <paramref name="source"/> into <paramref name="destination"/> (same length, a multiple of <see cref="Channels"/>) without allocating.</summary>
    public void Transform(ReadOnlySpan<float> source, Span<float> destination)
    {
        var channels = _mean.Length;
        for (var i = 0; i < source.Length; i += channels)
        {
            for (var c = 0; c < channels; c++)
            {
                destination[i + c] = (source[i + c] - _mean[c]) * _inverseStd[c];
            }
        }
    }

    /// <summary>Writes the scaler.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_mean.Length);
        foreach (var m in _mean)
        {
            writer.Write(m);
        }

        foreach (var s in Std)
        {
            writer.Write(s);
        }
    }

    /// <summary>Reads a scaler written by <see cref="Write"/>.</summary>
    public static ChannelScaler Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var n = reader.ReadInt32();
        if (n is < 1 or > 1_000_000)
        {
            throw new InvalidDataException($"A channel scaler cannot have {n} channels.");
        }

        var mean = new float[n];
        var std = new float[n];
        for (var i = 0; i < n; i++)
        {
            mean[i] = reader.ReadSingle();
        }

        for (var i = 0; i < n; i++)
        {
            std[i] = reader.ReadSingle();
        }

        return new ChannelScaler(mean, std);
    }
}
