namespace Vigil.Features.Synthesis;

/// <summary>One proposed feature and what became of it.</summary>
/// <param name="Feature">The formula.</param>
/// <param name="ResidualShare">The share of the base model's out-of-fold residual sum of squares a small tree on it alone explains.</param>
/// <param name="ScreenScore">The screen's score: its residual share minus the larger of its parents'.</param>
/// <param name="SoloGain">The out-of-fold gain of base + this feature over base alone; null when the screen dropped it.</param>
/// <param name="Gain">The out-of-fold gain it added to the features kept before it; null when it was not tried.</param>
/// <param name="Kept">Whether it was kept.</param>
/// <param name="Reason">Why it was kept or dropped, in words.</param>
public sealed record SynthesisCandidate(SynthesizedFeature Feature, double ResidualShare, double ScreenScore, double? SoloGain, double? Gain, bool Kept, string Reason);
