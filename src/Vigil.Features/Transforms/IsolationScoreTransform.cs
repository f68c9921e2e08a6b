using Vigil.Data.Frames;
using Vigil.ML.Anomaly;

namespace Vigil.Features.Transforms;

/// <summary>Fits an isolation forest (Liu, Ting and Zhou 2008, "Isolation forest", ICDM) on the complete training rows of the chosen columns.</summary>
internal sealed class IsolationScoreTransform : IFeatureTransform
{
    private readonly IsolationScoreOptions _options;

    public IsolationScoreTransform(IsolationScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny([.. options.Validate()], nameof(IsolationScoreOptions));
        _options = options;
    }

    public string Name => FittedIsolationScore.StepName;

    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var columns = ColumnSelection.Resolve(training, _options.Columns, [ColumnKind.Float64], context, Name);
        var rows = NumericRows.Read(training, columns, Name);
        if (rows.CompleteCount == 0)
        {
            throw new ArgumentException($"{Name}: no training row has finite values in all of {string.Join(", ", columns)}.", nameof(training));
        }

        var forest = new IsolationForest(new IsolationForestOptions { TreeCount = _options.TreeCount, MaxSamples = _options.MaxSamples, Seed = context.Seed });
        return new FittedIsolationScore(columns, _options.OutputColumn, forest.Fit(rows.CompleteMatrix()));
    }
}
