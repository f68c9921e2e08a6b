using Vigil.Data.Frames;

namespace Vigil.Features;

/// <summary>A fitted, immutable, thread-safe feature transform that computes the same columns at training and serving time.</summary>
public interface IFittedFeatureTransform
{
    /// <summary>The stable kind name written in model files, e.g. "vigil.features.standard-scale"; a <see cref="FeatureStepCodecs"/> entry reads it back.</summary>
    string Kind { get; }

    /// <summary>The columns the transform reads.</summary>
    FrameSchema InputSchema { get; }

    /// <summary>The columns it adds or replaces, in order.</summary>
    IReadOnlyList<string> OutputColumns { get; }

    /// <summary>The input frame with the output columns added (or replaced); rows stay in order.</summary>
    DataFrame Transform(DataFrame frame);

    /// <summary>Writes the fitted parameters (without the kind) for <see cref="FeatureStepCodecs"/> to read back.</summary>
    void Write(BinaryWriter writer);

    /// <summary>One line for <c>vigil features explain</c>: what the step computes and what it learned.</summary>
    string Describe();
}
