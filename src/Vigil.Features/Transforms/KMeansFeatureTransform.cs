using Vigil.Data.Frames;
using Vigil.ML.Clustering;

namespace Vigil.Features.Transforms;

/// <summary>Standardizes the chosen columns on the complete training rows, then fits k-means (k-means++ seeding, Arthur and Vassilvitskii 2007; Lloyd 1982) on them.</summary>
internal sealed class KMeansFeatureTransform : IFeatureTransform
{
    private readonly KMeansFeatureOptions _options;

    public KMeansFeatureTransform(KMeansFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny([.. options.Validate()], nameof(KMeansFeatureOptions));
        _options = options;
    }

    public string Name => FittedKMeansFeature.StepName;

    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var columns = ColumnSelection.Resolve(training, _options.Columns, [ColumnKind.Float64], context, Name);
        var rows = NumericRows.Read(training, columns, Name);
        if (rows.CompleteCount < _options.ClusterCount)
        {
            throw new ArgumentException($"{Name}: {_options.ClusterCount} clusters need at least {_options.ClusterCount} training rows with finite values in all of {string.Join(", ", columns)}; there are {rows.CompleteCount}.", nameof(training));
        }

        var (means, scales) = (new double[columns.Length], new double[columns.Length]);
        for (var f = 0; f < columns.Length; f++)
        {
            (means[f], scales[f]) = MeanStd(rows.Columns[f], rows.Complete);
        }

        var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = _options.ClusterCount, InitCount = _options.InitCount, MaxIterations = _options.MaxIterations, Seed = context.Seed,
        });
        var model = kmeans.Fit(rows.CompleteMatrix(means, scales));
        return new FittedKMeansFeature(columns, means, scales, _options.ClusterColumn, _options.DistanceColumn, model);
    }

    /// <summary>Mean and population std over the complete rows; std 1 when the values are constant.</summary>
    private static (double Mean, double Std) MeanStd(double[] values, bool[] complete)
    {
        var (n, sum, min, max) = (0, 0.0, double.PositiveInfinity, double.NegativeInfinity);
        for (var i = 0; i < values.Length; i++)
        {
            if (complete[i])
            {
                (n, sum, min, max) = (n + 1, sum + values[i], Math.Min(min, values[i]), Math.Max(max, values[i]));
            }
        }

        var mean = sum / n;
        if (min == max)
        {
            return (min, 1);
        }

        var squares = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (complete[i])
            {
                squares += (values[i] - mean) * (values[i] - mean);
            }
        }

        var std = Math.Sqrt(squares / n);
        return (mean, std > 0 ? std : 1);
    }
}
