using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>
/// Cleaning fitted on a training frame: the renames, canonical terms, dropped columns, imputation statistics and outlier
/// bounds computed there. <see cref="Apply"/> cleans new frames with them and never refits; immutable and thread-safe.
/// </summary>
public sealed class FittedCleaning
{
    internal FittedCleaning(CleaningOptions options, FrameSchema inputSchema, int trainingRows)
    {
        Options = options;
        InputSchema = inputSchema;
        TrainingRows = trainingRows;
    }

    /// <summary>The options the cleaning was fitted with.</summary>
    public CleaningOptions Options { get; }

    /// <summary>The training input's columns under their cleaned names; frames given to <see cref="Apply"/> must have them (the target and dropped columns may be absent).</summary>
    public FrameSchema InputSchema { get; }

    /// <summary>The number of training rows the statistics were computed on (after duplicate and missing-target rows were removed).</summary>
    public int TrainingRows { get; }

    /// <summary>Original name → cleaned name, for the columns whose names change.</summary>
    public IReadOnlyDictionary<string, string> ColumnRenames { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The columns dropped for missing values (cleaned names).</summary>
    public IReadOnlyList<string> DroppedColumns { get; internal init; } = [];

    /// <summary>The imputation of every column that has one, with its training statistic.</summary>
    public IReadOnlyList<ImputationFit> Imputations { get; internal init; } = [];

    /// <summary>The outlier bounds of every checked column.</summary>
    public IReadOnlyList<OutlierFit> Outliers { get; internal init; } = [];

    /// <summary>The target column (cleaned name), if any.</summary>
    public string? Target { get; internal init; }

    /// <summary>The group column, if any.</summary>
    public string? GroupColumn { get; internal init; }

    /// <summary>The time column, if any.</summary>
    public string? TimeColumn { get; internal init; }

    /// <summary>The term normalization of each categorical column.</summary>
    internal IReadOnlyList<TermMap> TermMaps { get; init; } = [];

    /// <summary>The columns compared for duplicates (cleaned names); null means every column.</summary>
    internal IReadOnlyList<string>? DuplicateColumns { get; init; }

    /// <summary>Cleans <paramref name="frame"/> (with the training input's original column names) using the fitted statistics; throws <see cref="ArgumentException"/> listing every schema mismatch.</summary>
    public CleaningResult Apply(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var run = new CleaningRun(frame);
        var renamed = run.Rename(ColumnRenames);
        CheckSchema(run.Frame);
        var terms = run.NormalizeTerms(TermMaps);
        var dropped = run.DropColumns(DroppedColumns);
        var duplicates = Options.DropDuplicates ? run.DropDuplicates(DuplicateColumns?.Where(run.Frame.Contains).ToArray()) : 0;
        var missingTarget = Options.DropRowsWithMissingTarget && Target is not null && run.Frame.Contains(Target) ? run.DropMissingTarget(Target) : 0;
        var imputed = run.Impute(Imputations, GroupColumn, TimeColumn, Options.EdgeGaps);
        var (outliers, outlierRows) = run.TreatOutliers(Outliers, Options.OutlierAction);
        var report = new CleaningReport
        {
            InputRows = frame.RowCount,
            InputColumns = frame.ColumnCount,
            OutputRows = run.Frame.RowCount,
            OutputColumns = run.Frame.ColumnCount,
            RenamedColumns = renamed,
            NormalizedTerms = terms,
            DroppedColumns = dropped,
            MaxMissingFraction = Options.MaxMissingFraction,
            DuplicateRowsDropped = duplicates,
            MissingTargetRowsDropped = missingTarget,
            Imputations = imputed,
            Outliers = outliers,
            OutlierRowsDropped = outlierRows,
        };
        return new CleaningResult { Frame = run.Frame, Report = report, Quarantined = run.Quarantined, Fitted = this };
    }

    private void CheckSchema(DataFrame frame)
    {
        var problems = new List<string>();
        foreach (var expected in InputSchema.Columns)
        {
            if (!frame.TryGetColumn(expected.Name, out var column))
            {
                if (expected.Name != Target && !DroppedColumns.Contains(expected.Name))
                {
                    problems.Add($"column '{expected.Name}' is missing.");
                }
            }
            else if (column.Kind != expected.Kind)
            {
                problems.Add($"column '{expected.Name}' is {column.Kind} but was {expected.Kind} when fitted.");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The frame does not match the frame the cleaning was fitted on: " + string.Join(" ", problems), nameof(frame));
        }
    }
}
