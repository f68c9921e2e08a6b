namespace Vigil.Features.Selection;

/// <summary>How <see cref="FeatureSelection"/> ranks numeric columns for its optional top-k cut.</summary>
public enum SelectionRanking
{
    /// <summary>Binned mutual information with the target on the training rows (cheap, univariate).</summary>
    MutualInformation,

    /// <summary>Permutation importance (Breiman 2001) of a small GBDT, measured on each held-out fold of the training rows and averaged.</summary>
    PermutationImportance,
}
