using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>
/// The <c>rolling</c> step: mean, sample std, min, max and least-squares slope over the last w rows of each group in time
/// order, missing values skipped. It learns nothing but the columns it reads; see <see cref="WindowFeaturesOptions"/>.
/// </summary>
public sealed class WindowFeatures : IFeatureTransform
{
    /// <summary>Creates the step; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public WindowFeatures(WindowFeaturesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WindowOptionChecks.ThrowIfAny(options.Validate(), nameof(WindowFeaturesOptions), nameof(options));
        Options = options;
    }

    /// <summary>The validated options.</summary>
    public WindowFeaturesOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "rolling";

    /// <inheritdoc/>
    public IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context) =>
        new FittedRollingWindow(
            WindowScope.Resolve(training, Options.Columns, Options.GroupColumn, Options.TimeColumn, context, Name),
            [.. Options.WindowSizes],
            [.. Options.Statistics],
            Options.MinPeriods);
}
