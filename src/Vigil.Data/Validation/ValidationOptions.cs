using Vigil.Data.Frames;

namespace Vigil.Data.Validation;

/// <summary>What <see cref="DataValidator.Validate"/> checks and its thresholds; validated when constructed.</summary>
public sealed record ValidationOptions
{
    /// <summary>Creates options, reporting every invalid setting in one <see cref="ArgumentException"/>.</summary>
    /// <param name="target">The label column, if any; enables class balance and leakage detection.</param>
    /// <param name="schema">The declared schema, if any; enables kind, range, allowed-value and required checks.</param>
    /// <param name="minRows">Fewer rows than this is a too_few_samples Error (default 100).</param>
    /// <param name="minClassCount">A target class with fewer rows is a too_few_samples Warning (default 10).</param>
    /// <param name="minMinorityShare">A minority class share below this is a class_imbalance Warning (default 0.1).</param>
    /// <param name="missingWarningFraction">Missing fraction at or above which missing_values is a Warning rather than Info (default 0.05).</param>
    /// <param name="numericTextFraction">Share of parseable numbers at which a text column is a type_mismatch Warning (default 0.9).</param>
    /// <param name="identifierMinRows">Frames with fewer rows are too small to call a unique column an identifier (default 20).</param>
    /// <param name="maxClasses">A numeric target with at most this many distinct values is treated as classes (default 20).</param>
    /// <param name="leakage">The leakage detector's thresholds (default <see cref="LeakageOptions.Default"/>).</param>
    public ValidationOptions(
        string? target = null,
        FrameSchema? schema = null,
        int minRows = 100,
        int minClassCount = 10,
        double minMinorityShare = 0.1,
        double missingWarningFraction = 0.05,
        double numericTextFraction = 0.9,
        int identifierMinRows = 20,
        int maxClasses = 20,
        LeakageOptions? leakage = null)
    {
        var errors = new List<string>();
        if (target is not null && string.IsNullOrWhiteSpace(target))
        {
            errors.Add("target must be null or a column name.");
        }

        if (minRows < 0)
        {
            errors.Add($"minRows must not be negative (was {minRows}).");
        }

        if (minClassCount < 0)
        {
            errors.Add($"minClassCount must not be negative (was {minClassCount}).");
        }

        RequireFraction(minMinorityShare, nameof(minMinorityShare), errors);
        RequireFraction(missingWarningFraction, nameof(missingWarningFraction), errors);
        RequireFraction(numericTextFraction, nameof(numericTextFraction), errors);
        if (identifierMinRows < 2)
        {
            errors.Add($"identifierMinRows must be at least 2 (was {identifierMinRows}).");
        }

        if (maxClasses < 2)
        {
            errors.Add($"maxClasses must be at least 2 (was {maxClasses}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid validation options: " + string.Join(" ", errors));
        }

        (Target, Schema, MinRows, MinClassCount, MinMinorityShare) = (target, schema, minRows, minClassCount, minMinorityShare);
        (MissingWarningFraction, NumericTextFraction, IdentifierMinRows, MaxClasses) =
            (missingWarningFraction, numericTextFraction, identifierMinRows, maxClasses);
        Leakage = leakage ?? LeakageOptions.Default;
    }

    /// <summary>The label column, if any.</summary>
    public string? Target { get; }

    /// <summary>The declared schema, if any.</summary>
    public FrameSchema? Schema { get; }

    /// <summary>The minimum number of rows.</summary>
    public int MinRows { get; }

    /// <summary>The minimum number of rows per target class.</summary>
    public int MinClassCount { get; }

    /// <summary>The minority class share below which the target is imbalanced.</summary>
    public double MinMinorityShare { get; }

    /// <summary>The missing fraction at or above which missing values are a Warning.</summary>
    public double MissingWarningFraction { get; }

    /// <summary>The parseable-number share at which a text column looks numeric.</summary>
    public double NumericTextFraction { get; }

    /// <summary>The smallest frame in which a unique column is called an identifier.</summary>
    public int IdentifierMinRows { get; }

    /// <summary>The largest distinct count at which a numeric target is treated as classes.</summary>
    public int MaxClasses { get; }

    /// <summary>The leakage detector's thresholds.</summary>
    public LeakageOptions Leakage { get; }

    private static void RequireFraction(double value, string name, List<string> errors)
    {
        if (!(value is >= 0 and <= 1))
        {
            errors.Add($"{name} must be in [0, 1] (was {value}).");
        }
    }
}
