namespace Vigil.Data.Validation;

/// <summary>The rule of the leakage detector that raised a <see cref="LeakageSuspect"/>; see docs/validation.md.</summary>
public enum LeakageRule
{
    /// <summary>Rule A: the column reproduces the whole target (balanced agreement of its best value-to-class mapping).</summary>
    NearCopy,

    /// <summary>Rule A: one value of the column implies a target class, far above that class's base rate.</summary>
    ValueImpliesTarget,

    /// <summary>Rule A: a numeric column separates a binary target almost perfectly (rank AUC).</summary>
    RankAuc,

    /// <summary>Rule A: a numeric column is almost monotone in a numeric target (Spearman's rank correlation).</summary>
    RankCorrelation,

    /// <summary>Rule B: the target is a roll-up of indicator labels, and this column is a sibling indicator of that family.</summary>
    TargetDecomposition,
}
