namespace Vigil.Features.Synthesis;

/// <summary>How a synthesized feature combines its parent columns.</summary>
public enum SynthesisOperation
{
    /// <summary>a × b.</summary>
    Product,

    /// <summary>a ÷ b, NaN where |b| is below the learned guard.</summary>
    Ratio,

    /// <summary>a − b (b − a is the same feature for trees, negated for linear models, so only one is proposed).</summary>
    Difference,

    /// <summary>a + b.</summary>
    Sum,

    /// <summary>a² (one parent).</summary>
    Square,
}
