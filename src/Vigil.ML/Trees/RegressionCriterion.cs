namespace Vigil.ML.Trees;

/// <summary>The node impurity a regression tree minimizes (Breiman et al. 1984, §8.3).</summary>
public enum RegressionCriterion
{
    /// <summary>Weighted squared error around the node mean; leaves predict the weighted mean.</summary>
    SquaredError,

    /// <summary>Weighted absolute error around the node median; leaves predict the weighted median.</summary>
    AbsoluteError,
}
