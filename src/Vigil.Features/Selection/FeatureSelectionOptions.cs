namespace Vigil.Features.Selection;

/// <summary>Immutable options of <see cref="FeatureSelection"/>; the step's constructor rejects invalid options, listing every problem.</summary>
public sealed record FeatureSelectionOptions
{
    /// <summary>The columns the rules apply to; null (default) means every column except the target, group, time and excluded columns.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns never dropped; default none.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Whether columns with one value on the training rows are dropped; default true.</summary>
    public bool DropConstant { get; init; } = true;

    /// <summary>Numeric pairs with |Pearson r| above this on the training rows are near-duplicates; default 0.95; 1 disables the rule.</summary>
    public double CorrelationThreshold { get; init; } = 0.95;

    /// <summary>Of a near-duplicate pair, keep the more relevant one (see <see cref="SelectionRanking.Relevance"/>) (when there is one); else, and on ties, the earlier column. Default true.</summary>
    public bool PreferInformative { get; init; } = true;

    /// <summary>Keep only the best k numeric columns by <see cref="Ranking"/>; default null (no cut).</summary>
    public int? TopK { get; init; }

    /// <summary>How the top-k cut ranks columns; default <see cref="SelectionRanking.Relevance"/>.</summary>
    public SelectionRanking Ranking { get; init; } = SelectionRanking.Relevance;

    /// <summary>Folds of the permutation-importance ranking; default 3.</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Shuffles per column and fold of the permutation-importance ranking; default 3.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Exclude is null)
        {
            errors.Add("Exclude must not be null (use an empty list).");
        }

        if (Columns is { Count: 0 })
        {
            errors.Add("Columns must be null (all columns) or name at least one column.");
        }

        if (!(CorrelationThreshold is > 0 and <= 1))
        {
            errors.Add($"CorrelationThreshold must be in (0, 1] (got {CorrelationThreshold}).");
        }

        if (TopK is < 1)
        {
            errors.Add($"TopK must be at least 1 when set (got {TopK}).");
        }

        if (!Enum.IsDefined(Ranking))
        {
            errors.Add($"Unknown ranking {Ranking}.");
        }

        if (Folds < 2 || Repeats < 1)
        {
            errors.Add($"Folds must be ≥ 2 and Repeats ≥ 1 (got {Folds}, {Repeats}).");
        }

        return errors;
    }
}
