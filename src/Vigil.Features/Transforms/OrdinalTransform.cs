using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Learns the sorted categories of each column from the training rows.</summary>
internal sealed class OrdinalTransform : IFeatureTransform
{
    private readonly OrdinalOptions _options;

    public OrdinalTransform(OrdinalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny([.. options.Validate()], nameof(OrdinalOptions));
        _options = options;
    }

    public string Name => FittedOrdinal.StepName;

    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var columns = ColumnSelection.Resolve(training, _options.Columns, CategoryCodes.Kinds, context, Name);
        var schema = columns.Select(c => new ColumnSchema(c, training[c].Kind)).ToArray();
        return new FittedOrdinal(schema, [.. columns.Select(c => CategoryCodes.Learn(training[c]))], _options.ErrorOnUnknown, _options.InPlace);
    }
}
