namespace Vigil.Data.Cleaning;

/// <summary>
/// Which cleaning rules <see cref="DataCleaner"/> applies and their thresholds; validated when constructed. A column is
/// referred to by its original name or its normalized one. The target, group, time and protected columns are never
/// renamed, term-normalized, dropped, imputed or outlier-treated.
/// </summary>
public sealed record CleaningOptions
{
    /// <summary>Creates options, reporting every invalid setting in one <see cref="ArgumentException"/>.</summary>
    /// <param name="target">The label column, if any; protected, and rows missing it are dropped when <paramref name="dropRowsWithMissingTarget"/>.</param>
    /// <param name="protectedColumns">Further columns no rule touches, e.g. identifiers (default none).</param>
    /// <param name="groupColumn">The machine (series) column for interpolation and forward fill; null treats the frame as one series.</param>
    /// <param name="timeColumn">The timestamp or numeric column ordering each series; null keeps row order and interpolates by position.</param>
    /// <param name="normalizeNames">Trim column names and collapse inner whitespace to one space (default true).</param>
    /// <param name="snakeCaseNames">Also rewrite names as snake_case, e.g. "Torque [Nm]" to "torque_nm" (default false).</param>
    /// <param name="normalizeTerms">Normalize categorical values: trim, collapse whitespace, synonyms, case folding (default true).</param>
    /// <param name="foldTermCase">Merge values equal ignoring case into one spelling and match synonyms ignoring case (default true).</param>
    /// <param name="synonyms">Value → canonical value for every categorical column, e.g. {"low": "L"} (default none).</param>
    /// <param name="columnSynonyms">Column → (value → canonical value); entries override the global ones for that column.</param>
    /// <param name="maxMissingFraction">Drop a column whose missing fraction is strictly greater than this (default 0.5).</param>
    /// <param name="dropDuplicates">Quarantine rows equal to an earlier row, keeping the first occurrence (default true).</param>
    /// <param name="duplicateColumns">The columns compared for duplicates; null compares every column (default).</param>
    /// <param name="dropRowsWithMissingTarget">Quarantine rows whose target is missing (default true).</param>
    /// <param name="numericImputation">The rule for Float64 columns (default median).</param>
    /// <param name="categoricalImputation">The rule for categorical and boolean columns (default mode).</param>
    /// <param name="columnImputation">Per-column rules overriding the kind defaults.</param>
    /// <param name="edgeGaps">What series imputation does with leading (and interpolation's trailing) gaps (default nearest observed).</param>
    /// <param name="outlierMethod">The outlier rule for numeric columns (default z-score).</param>
    /// <param name="zScoreThreshold">|z| strictly above this is an outlier (default 3).</param>
    /// <param name="iqrMultiplier">Tukey's k: outside [Q1 − k·IQR, Q3 + k·IQR] is an outlier (default 1.5).</param>
    /// <param name="outlierAction">Clip, flag or drop outliers (default flag).</param>
    /// <param name="outlierColumns">The numeric columns checked; null checks every numeric column with more than two distinct values (default).</param>
    public CleaningOptions(
        string? target = null,
        IEnumerable<string>? protectedColumns = null,
        string? groupColumn = null,
        string? timeColumn = null,
        bool normalizeNames = true,
        bool snakeCaseNames = false,
        bool normalizeTerms = true,
        bool foldTermCase = true,
        IReadOnlyDictionary<string, string>? synonyms = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? columnSynonyms = null,
        double maxMissingFraction = 0.5,
        bool dropDuplicates = true,
        IEnumerable<string>? duplicateColumns = null,
        bool dropRowsWithMissingTarget = true,
        ImputationRule? numericImputation = null,
        ImputationRule? categoricalImputation = null,
        IReadOnlyDictionary<string, ImputationRule>? columnImputation = null,
        EdgeGapPolicy edgeGaps = EdgeGapPolicy.NearestObserved,
        OutlierMethod outlierMethod = OutlierMethod.ZScore,
        double zScoreThreshold = 3,
        double iqrMultiplier = 1.5,
        OutlierAction outlierAction = OutlierAction.Flag,
        IEnumerable<string>? outlierColumns = null)
    {
        var errors = new List<string>();
        Target = OptionalName(target, nameof(target), errors);
        GroupColumn = OptionalName(groupColumn, nameof(groupColumn), errors);
        TimeColumn = OptionalName(timeColumn, nameof(timeColumn), errors);
        ProtectedColumns = Names(protectedColumns, nameof(protectedColumns), errors) ?? [];
        DuplicateColumns = Names(duplicateColumns, nameof(duplicateColumns), errors);
        OutlierColumns = Names(outlierColumns, nameof(outlierColumns), errors);
        Synonyms = SynonymMaps.Copy(synonyms, foldTermCase, "synonyms", errors);
        ColumnSynonyms = columnSynonyms is null
            ? new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
            : columnSynonyms.ToDictionary(p => p.Key, p => SynonymMaps.Copy(p.Value, foldTermCase, $"columnSynonyms['{p.Key}']", errors), StringComparer.Ordinal);
        ColumnImputation = columnImputation is null
            ? new Dictionary<string, ImputationRule>(StringComparer.Ordinal)
            : new Dictionary<string, ImputationRule>(columnImputation, StringComparer.Ordinal);
        if (!(maxMissingFraction is >= 0 and <= 1))
        {
            errors.Add($"maxMissingFraction must be in [0, 1] (was {maxMissingFraction}).");
        }

        if (!(zScoreThreshold > 0 && double.IsFinite(zScoreThreshold)))
        {
            errors.Add($"zScoreThreshold must be positive and finite (was {zScoreThreshold}).");
        }

        if (!(iqrMultiplier >= 0 && double.IsFinite(iqrMultiplier)))
        {
            errors.Add($"iqrMultiplier must be non-negative and finite (was {iqrMultiplier}).");
        }

        if (categoricalImputation is { IsNumericOnly: true })
        {
            errors.Add($"categoricalImputation cannot be {categoricalImputation.Method}: it needs numbers.");
        }

        if (ColumnImputation.Any(p => p.Value is null))
        {
            errors.Add("columnImputation must not hold null rules.");
        }

        RequireDefined(edgeGaps, nameof(edgeGaps), errors);
        RequireDefined(outlierMethod, nameof(outlierMethod), errors);
        RequireDefined(outlierAction, nameof(outlierAction), errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid cleaning options: " + string.Join(" ", errors));
        }

        (NormalizeNames, SnakeCaseNames, NormalizeTerms, FoldTermCase) = (normalizeNames, snakeCaseNames, normalizeTerms, foldTermCase);
        (MaxMissingFraction, DropDuplicates, DropRowsWithMissingTarget) = (maxMissingFraction, dropDuplicates, dropRowsWithMissingTarget);
        NumericImputation = numericImputation ?? ImputationRule.Median;
        CategoricalImputation = categoricalImputation ?? ImputationRule.Mode;
        (EdgeGaps, OutlierMethod, ZScoreThreshold, IqrMultiplier, OutlierAction) = (edgeGaps, outlierMethod, zScoreThreshold, iqrMultiplier, outlierAction);
    }

    /// <summary>Every rule at its default.</summary>
    public static CleaningOptions Default { get; } = new();

    /// <summary>The label column, if any.</summary>
    public string? Target { get; }

    /// <summary>Further columns no rule touches.</summary>
    public IReadOnlyList<string> ProtectedColumns { get; }

    /// <summary>The machine (series) column, if any.</summary>
    public string? GroupColumn { get; }

    /// <summary>The column ordering each series, if any.</summary>
    public string? TimeColumn { get; }

    /// <summary>Whether column names are trimmed and their inner whitespace collapsed.</summary>
    public bool NormalizeNames { get; }

    /// <summary>Whether column names are also rewritten as snake_case.</summary>
    public bool SnakeCaseNames { get; }

    /// <summary>Whether categorical values are normalized.</summary>
    public bool NormalizeTerms { get; }

    /// <summary>Whether categorical values equal ignoring case are merged and synonyms match ignoring case.</summary>
    public bool FoldTermCase { get; }

    /// <summary>Synonyms for every categorical column (keys trimmed, whitespace collapsed).</summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; }

    /// <summary>Per-column synonyms overriding the global ones.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ColumnSynonyms { get; }

    /// <summary>A column missing in strictly more than this fraction of rows is dropped.</summary>
    public double MaxMissingFraction { get; }

    /// <summary>Whether duplicate rows are quarantined.</summary>
    public bool DropDuplicates { get; }

    /// <summary>The columns compared for duplicates; null means every column.</summary>
    public IReadOnlyList<string>? DuplicateColumns { get; }

    /// <summary>Whether rows missing the target are quarantined.</summary>
    public bool DropRowsWithMissingTarget { get; }

    /// <summary>The imputation rule for Float64 columns.</summary>
    public ImputationRule NumericImputation { get; }

    /// <summary>The imputation rule for categorical and boolean columns.</summary>
    public ImputationRule CategoricalImputation { get; }

    /// <summary>Per-column imputation rules overriding the kind defaults.</summary>
    public IReadOnlyDictionary<string, ImputationRule> ColumnImputation { get; }

    /// <summary>What series imputation does with edge gaps.</summary>
    public EdgeGapPolicy EdgeGaps { get; }

    /// <summary>The outlier rule.</summary>
    public OutlierMethod OutlierMethod { get; }

    /// <summary>The |z| above which a value is an outlier.</summary>
    public double ZScoreThreshold { get; }

    /// <summary>Tukey's k for the IQR rule.</summary>
    public double IqrMultiplier { get; }

    /// <summary>What happens to outliers.</summary>
    public OutlierAction OutlierAction { get; }

    /// <summary>The numeric columns checked for outliers; null means every numeric column with more than two distinct values.</summary>
    public IReadOnlyList<string>? OutlierColumns { get; }

    /// <summary>The threshold of the configured outlier method: |z| for z-score, k for IQR.</summary>
    internal double OutlierThreshold => OutlierMethod == OutlierMethod.Iqr ? IqrMultiplier : ZScoreThreshold;

    private static string? OptionalName(string? name, string parameter, List<string> errors)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{parameter} must be null or a column name.");
        }

        return name;
    }

    private static string[]? Names(IEnumerable<string>? names, string parameter, List<string> errors)
    {
        if (names is null)
        {
            return null;
        }

        string[] copy = [.. names];
        if (copy.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{parameter} must hold only column names.");
        }

        return copy;
    }

    private static void RequireDefined<T>(T value, string parameter, List<string> errors)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{parameter} has an unknown value {value}.");
        }
    }
}
