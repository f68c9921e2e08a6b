using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>The <c>diff</c> step: the value minus the value k rows earlier in the same group, in time order; see <see cref="DiffFeaturesOptions"/>.</summary>
public sealed class DiffFeatures : IFeatureTransform
{
    /// <summary>Creates the step; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public DiffFeatures(DiffFeaturesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WindowOptionChecks.ThrowIfAny(options.Validate(), nameof(DiffFeaturesOptions), nameof(options));
        Options = options;
    }

    /// <summary>The validated options.</summary>
    public DiffFeaturesOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "diff";

    /// <inheritdoc/>
    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context) =>
        new FittedLag(WindowScope.Resolve(training, Options.Columns, Options.GroupColumn, Options.TimeColumn, context, Name), [.. Options.Periods], difference: true);
}
