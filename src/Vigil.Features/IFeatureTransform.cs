using Vigil.Data.Frames;

namespace Vigil.Features;

/// <summary>An unfitted feature transform: <see cref="Fit"/> learns from training rows only and returns an immutable fitted transform.</summary>
public interface IFeatureTransform
{
    /// <summary>A short name for reports, e.g. "standard_scale".</summary>
    string Name { get; }

    /// <summary>Learns the transform's statistics from the training frame; never mutates this transform.</summary>
    IFittedFeatureTransform Fit(DataFrame training, FeatureFitContext context);
}
