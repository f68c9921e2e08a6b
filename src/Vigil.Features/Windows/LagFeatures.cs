using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>The <c>lag</c> step: the value k rows earlier in the same group, in time order; see <see cref="LagFeaturesOptions"/>.</summary>
public sealed class LagFeatures : IFeatureTransform
{
    /// <summary>Creates the step; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public LagFeatures(LagFeaturesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WindowOptionChecks.ThrowIfAny(options.Validate(), nameof(LagFeaturesOptions), nameof(options));
        Options = options;
    }

    /// <summary>The validated options.</summary>
    public LagFeaturesOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "lag";

    /// <inheritdoc/>
    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context) =>
        new FittedLag(WindowScope.Resolve(training, Options.Columns, Options.GroupColumn, Options.TimeColumn, context, Name), [.. Options.Lags], difference: false);
}
