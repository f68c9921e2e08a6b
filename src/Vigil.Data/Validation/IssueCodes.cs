namespace Vigil.Data.Validation;

/// <summary>The stable issue codes of <see cref="ValidationIssue.Code"/>; scripts match on these strings, so they never change.</summary>
public static class IssueCodes
{
    /// <summary>A column has missing values (Warning at or above the configured fraction, else Info).</summary>
    public const string MissingValues = "missing_values";

    /// <summary>Rows that repeat an earlier row in every column.</summary>
    public const string DuplicateRows = "duplicate_rows";

    /// <summary>The schema declares another kind than the column has (Error), or a text column holds mostly numbers (Warning).</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>A column has at most one distinct non-missing value.</summary>
    public const string ConstantColumn = "constant_column";

    /// <summary>Values outside the schema's Min/Max or AllowedValues, or missing values in a Required column.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The minority class of the target is rarer than the configured share.</summary>
    public const string ClassImbalance = "class_imbalance";

    /// <summary>Fewer rows than the configured minimum, or a target class with too few rows.</summary>
    public const string TooFewSamples = "too_few_samples";

    /// <summary>The declared target column is absent.</summary>
    public const string TargetMissing = "target_missing";

    /// <summary>A column holds a different value in every row (a row or entity identifier, not a feature).</summary>
    public const string IdentifierColumn = "identifier_column";

    /// <summary>A column that probably carries the answer: it is recorded with or derived from the target.</summary>
    public const string LeakageSuspect = "leakage_suspect";

    /// <summary>A column declared by the schema is absent from the frame.</summary>
    public const string MissingColumn = "missing_column";
}
