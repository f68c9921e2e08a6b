using Vigil.Features.Selection;

namespace Vigil.Features.Synthesis;

/// <summary>The readers of the fitted synthesis and selection steps, as (kind, reader) pairs for a <see cref="FeatureStepCodecs"/> table.</summary>
public static class SynthesisSteps
{
    /// <summary>The <c>synthesize</c> and <c>select</c> readers.</summary>
    public static IReadOnlyList<KeyValuePair<string, Func<BinaryReader, IFittedFeatureTransform>>> Readers { get; } =
    [
        KeyValuePair.Create<string, Func<BinaryReader, IFittedFeatureTransform>>(FittedFeatureSynthesis.KindName, FittedFeatureSynthesis.Read),
        KeyValuePair.Create<string, Func<BinaryReader, IFittedFeatureTransform>>(FittedFeatureSelection.KindName, FittedFeatureSelection.Read),
    ];
}
