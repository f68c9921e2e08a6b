using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Learns the sorted categories of each column from the training rows.</summary>
internal sealed class OneHotTransform : IFeatureTransform
{
    private readonly OneHotOptions _options;

    public OneHotTransform(OneHotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny([.. options.Validate()], nameof(OneHotOptions));
        _options = options;
    }

    public string Name => FittedOneHot.StepName;

    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var columns = ColumnSelection.Resolve(training, _options.Columns, CategoryCodes.Kinds, context, Name);
        var schema = columns.Select(c => new ColumnSchema(c, training[c].Kind)).ToArray();
        var categories = columns.Select(c => CategoryCodes.Learn(training[c])).ToArray();
        return new FittedOneHot(schema, categories, _options.Unknown, _options.Missing, _options.KeepInput);
    }
}
