namespace Vigil.ML.Trees;

/// <summary>The node impurity a classification tree minimizes (Breiman et al. 1984, §4.3).</summary>
public enum SplitCriterion
{
    /// <summary>Gini impurity, 1 − Σ pₖ².</summary>
    Gini,

    /// <summary>Shannon entropy in bits, −Σ pₖ log₂ pₖ.</summary>
    Entropy,
}
