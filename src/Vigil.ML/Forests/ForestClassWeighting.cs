namespace Vigil.ML.Forests;

/// <summary>How a random forest classifier re-weights classes (scikit-learn's class_weight choices).</summary>
public enum ForestClassWeighting
{
    /// <summary>Every row keeps its sample weight.</summary>
    None,

    /// <summary>Class k gets W / (K·Wₖ) computed once on the whole training set.</summary>
    Balanced,

    /// <summary>Class k gets W / (K·Wₖ) computed on each tree's bootstrap sample.</summary>
    BalancedSubsample,
}
