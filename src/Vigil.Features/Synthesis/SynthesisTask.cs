namespace Vigil.Features.Synthesis;

/// <summary>Whether a supervised feature step treats its target as classes or as a number.</summary>
public enum SynthesisTask
{
    /// <summary>Classification when the target is categorical or boolean, or numeric with at most 20 distinct integer values; else regression.</summary>
    Auto,

    /// <summary>The target holds class labels.</summary>
    Classification,

    /// <summary>The target is a continuous number.</summary>
    Regression,
}
