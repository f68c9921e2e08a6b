using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>The <c>cumulative</c> step: running sum (and count) of each group's non-missing values in time order; see <see cref="CumulativeFeaturesOptions"/>.</summary>
public sealed class CumulativeFeatures : IFeatureTransform
{
    /// <summary>Creates the step; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public CumulativeFeatures(CumulativeFeaturesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WindowOptionChecks.ThrowIfAny(options.Validate(), nameof(CumulativeFeaturesOptions), nameof(options));
        Options = options;
    }

    /// <summary>The validated options.</summary>
    public CumulativeFeaturesOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "cumulative";

    /// <inheritdoc/>
    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context) =>
        new FittedCumulative(WindowScope.Resolve(training, Options.Columns, Options.GroupColumn, Options.TimeColumn, context, Name), Options.IncludeCount);
}
