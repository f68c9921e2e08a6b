using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Learns per-column offsets and scales (min/range or mean/population std) from the non-missing training values.</summary>
internal sealed class ScaleTransform : IFeatureTransform
{
    private readonly ScaleOptions _options;
    private readonly ScaleMethod _method;

    public ScaleTransform(ScaleOptions options, ScaleMethod method)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny([.. options.Validate()], nameof(ScaleOptions));
        (_options, _method) = (options, method);
    }

    public string Name => FittedScale.StepName(_method);

    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var columns = ColumnSelection.Resolve(training, _options.Columns, [ColumnKind.Float64], context, Name);
        var offsets = new double[columns.Length];
        var scales = new double[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var values = training.Get<Float64Column>(columns[c]).Values;
            (offsets[c], scales[c]) = _method == ScaleMethod.MinMax ? MinMax(values) : MeanStd(values);
        }

        return new FittedScale(_method, columns, offsets, scales, _options.InPlace);
    }

    /// <summary>(min, max − min), with range 1 for a constant or empty column.</summary>
    private static (double Offset, double Scale) MinMax(ReadOnlySpan<double> values)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                (min, max) = (Math.Min(min, v), Math.Max(max, v));
            }
        }

        return min > max ? (0, 1) : (min, max > min ? max - min : 1);
    }

    /// <summary>(mean, population std) by two passes, with std 1 for a constant or empty column.</summary>
    private static (double Offset, double Scale) MeanStd(ReadOnlySpan<double> values)
    {
        var (n, sum, min, max) = (0, 0.0, double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                (n, sum, min, max) = (n + 1, sum + v, Math.Min(min, v), Math.Max(max, v));
            }
        }

        if (n == 0)
        {
            return (0, 1);
        }

        var mean = sum / n;
        if (min == max)
        {
            return (min, 1);
        }

        var squares = 0.0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        var std = Math.Sqrt(squares / n);
        return (mean, std > 0 ? std : 1);
    }
}
