using Vigil.Data.Frames;

namespace Vigil.Data.Cmapss;

/// <summary>A fitted min-max scaler mapping each column's training range to [0, 1]; fit it on the training file only.</summary>
public sealed class MinMaxScaler
{
    private readonly string[] _columns;
    private readonly double[] _min;
    private readonly double[] _max;

    private MinMaxScaler(string[] columns, double[] min, double[] max)
    {
        _columns = columns;
        _min = min;
        _max = max;
    }

    /// <summary>The scaled column names, in order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The fitted minimum of each column.</summary>
    public IReadOnlyList<double> Min => _min;

    /// <summary>The fitted maximum of each column.</summary>
    public IReadOnlyList<double> Max => _max;

    /// <summary>Rebuilds a fitted scaler from its columns and per-column minimum and maximum (e.g. read from a model file).</summary>
    public static MinMaxScaler FromFitted(IReadOnlyList<string> columns, IReadOnlyList<double> min, IReadOnlyList<double> max)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(min);
        ArgumentNullException.ThrowIfNull(max);
        if (min.Count != columns.Count || max.Count != columns.Count)
        {
            throw new ArgumentException($"{columns.Count} columns but {min.Count} minima and {max.Count} maxima.", nameof(columns));
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (!double.IsFinite(min[c]) || !double.IsFinite(max[c]) || min[c] > max[c])
            {
                throw new ArgumentException($"Column '{columns[c]}': min {min[c]} and max {max[c]} are not a finite range.", nameof(min));
            }
        }

        return new MinMaxScaler([.. columns], [.. min], [.. max]);
    }

    /// <summary>Fits the minimum and maximum of the named Float64 columns of <paramref name="frame"/>, ignoring NaN.</summary>
    public static MinMaxScaler Fit(DataFrame frame, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        string[] names = [.. columns];
        var min = new double[names.Length];
        var max = new double[names.Length];
        for (var c = 0; c < names.Length; c++)
        {
            var lo = double.PositiveInfinity;
            var hi = double.NegativeInfinity;
            foreach (var v in frame.Get<Float64Column>(names[c]).Values)
            {
                if (!double.IsNaN(v))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
            }

            if (lo > hi)
            {
                throw new ArgumentException($"Column '{names[c]}' has no values to fit.", nameof(frame));
            }

            min[c] = lo;
            max[c] = hi;
        }

        return new MinMaxScaler(names, min, max);
    }

    /// <summary>Maps a value of column <paramref name="index"/> to (v − min) / (max − min); a constant column maps to 0.</summary>
    public double Scale(int index, double value)
    {
        var range = _max[index] - _min[index];
        return range > 0 ? (value - _min[index]) / range : 0;
    }

    /// <summary>The frame with each fitted column replaced by its scaled values (values outside the training range fall outside [0, 1]).</summary>
    public DataFrame Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = frame;
        for (var c = 0; c < _columns.Length; c++)
        {
            var source = frame.Get<Float64Column>(_columns[c]).Values;
            var scaled = new double[source.Length];
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = Scale(c, source[i]);
            }

            result = result.WithColumn(new Float64Column(_columns[c], scaled));
        }

        return result;
    }
}
