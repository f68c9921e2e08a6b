using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Chooses the timestamp columns; calendar parts need no statistics.</summary>
internal sealed class DateTimePartsTransform : IFeatureTransform
{
    private readonly DateTimePartsOptions _options;

    public DateTimePartsTransform(DateTimePartsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny([.. options.Validate()], nameof(DateTimePartsOptions));
        _options = options;
    }

    public string Name => FittedDateTimeParts.StepName;

    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var columns = ColumnSelection.Resolve(training, _options.Columns, [ColumnKind.Timestamp], context, Name);
        return new FittedDateTimeParts(columns, [.. _options.Parts], _options.Cyclic, _options.DropInput);
    }
}
