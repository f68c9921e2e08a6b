namespace Vigil.Features.Selection;

/// <summary>How <see cref="FeatureSelection"/> ranks numeric columns for its optional top-k cut.</summary>
public enum SelectionRanking
{
    /// <summary>The share of the target's variance a depth-3 tree on the column alone explains on the training rows (cheap, univariate).</summary>
    Relevance,

    /// <summary>Permutation importance (Breiman 2001) of a small GBDT, measured on each held-out fold of the training rows and averaged.</summary>
    PermutationImportance,
}
