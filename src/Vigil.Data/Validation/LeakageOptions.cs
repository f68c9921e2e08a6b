namespace Vigil.Data.Validation;

/// <summary>Thresholds of the target-leakage detector (docs/validation.md explains each rule); validated when constructed.</summary>
public sealed record LeakageOptions
{
    /// <summary>Creates options, reporting every invalid setting in one <see cref="ArgumentException"/>.</summary>
    /// <param name="enabled">Whether to look for leakage at all (default true).</param>
    /// <param name="minPrecision">Rule A: P(target = v | column = x) at or above which a value implies a class (default 0.99).</param>
    /// <param name="minSupport">Rule A: rows a value needs before it can imply a class (default 5).</param>
    /// <param name="minLift">Rule A: how many times the class's base rate that precision must be (default 5).</param>
    /// <param name="minAuc">Rule A: max(AUC, 1 − AUC) of a numeric column against a binary target (default 0.99).</param>
    /// <param name="minSpearman">Rule A: |Spearman ρ| of a numeric column against a numeric target (default 0.99).</param>
    /// <param name="minCopyAgreement">Rule A: balanced agreement at which a low-cardinality column is a near-copy (default 0.99).</param>
    /// <param name="maxCategories">Numeric columns with at most this many distinct values are treated as categories (default 20).</param>
    /// <param name="minDecompositionCoverage">Rule B: share of positives the Rule-A indicators must explain together (default 0.8).</param>
    /// <param name="minDecompositionPrecision">Rule B: precision of the indicators' OR against the target (default 0.99).</param>
    /// <param name="minDecompositionColumns">Rule B: Rule-A indicator columns needed to call the target a roll-up (default 2).</param>
    public LeakageOptions(
        bool enabled = true,
        double minPrecision = 0.99,
        int minSupport = 5,
        double minLift = 5,
        double minAuc = 0.99,
        double minSpearman = 0.99,
        double minCopyAgreement = 0.99,
        int maxCategories = 20,
        double minDecompositionCoverage = 0.8,
        double minDecompositionPrecision = 0.99,
        int minDecompositionColumns = 2)
    {
        var errors = new List<string>();
        RequireFraction(minPrecision, nameof(minPrecision), errors);
        RequireFraction(minCopyAgreement, nameof(minCopyAgreement), errors);
        RequireFraction(minDecompositionCoverage, nameof(minDecompositionCoverage), errors);
        RequireFraction(minDecompositionPrecision, nameof(minDecompositionPrecision), errors);
        if (!(minAuc is >= 0.5 and <= 1))
        {
            errors.Add($"minAuc must be in [0.5, 1] (was {minAuc}).");
        }

        RequireFraction(minSpearman, nameof(minSpearman), errors);
        if (minSupport < 1)
        {
            errors.Add($"minSupport must be at least 1 (was {minSupport}).");
        }

        if (!(minLift >= 1))
        {
            errors.Add($"minLift must be at least 1 (was {minLift}).");
        }

        if (maxCategories < 2)
        {
            errors.Add($"maxCategories must be at least 2 (was {maxCategories}).");
        }

        if (minDecompositionColumns < 1)
        {
            errors.Add($"minDecompositionColumns must be at least 1 (was {minDecompositionColumns}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid leakage options: " + string.Join(" ", errors));
        }

        (Enabled, MinPrecision, MinSupport, MinLift, MinAuc, MinSpearman) = (enabled, minPrecision, minSupport, minLift, minAuc, minSpearman);
        (MinCopyAgreement, MaxCategories) = (minCopyAgreement, maxCategories);
        (MinDecompositionCoverage, MinDecompositionPrecision, MinDecompositionColumns) =
            (minDecompositionCoverage, minDecompositionPrecision, minDecompositionColumns);
    }

    /// <summary>The default thresholds.</summary>
    public static LeakageOptions Default { get; } = new();

    /// <summary>Whether to look for leakage at all.</summary>
    public bool Enabled { get; }

    /// <summary>Rule A: minimum P(target = v | column = x) for a value to imply a class.</summary>
    public double MinPrecision { get; }

    /// <summary>Rule A: minimum rows behind a value that implies a class.</summary>
    public int MinSupport { get; }

    /// <summary>Rule A: minimum ratio of that precision to the class's base rate.</summary>
    public double MinLift { get; }

    /// <summary>Rule A: minimum max(AUC, 1 − AUC) for a numeric column against a binary target.</summary>
    public double MinAuc { get; }

    /// <summary>Rule A: minimum |Spearman ρ| for a numeric column against a numeric target.</summary>
    public double MinSpearman { get; }

    /// <summary>Rule A: minimum balanced agreement for a low-cardinality near-copy of the target.</summary>
    public double MinCopyAgreement { get; }

    /// <summary>The largest distinct count at which a numeric column is treated as categories.</summary>
    public int MaxCategories { get; }

    /// <summary>Rule B: minimum share of positives explained by the OR of the Rule-A indicators.</summary>
    public double MinDecompositionCoverage { get; }

    /// <summary>Rule B: minimum precision of that OR.</summary>
    public double MinDecompositionPrecision { get; }

    /// <summary>Rule B: minimum number of Rule-A indicator columns in the decomposition.</summary>
    public int MinDecompositionColumns { get; }

    private static void RequireFraction(double value, string name, List<string> errors)
    {
        if (!(value is >= 0 and <= 1))
        {
            errors.Add($"{name} must be in [0, 1] (was {value}).");
        }
    }
}
