using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>
/// Fits a <see cref="FittedCleaning"/>: runs the row-independent rules and row removals on the training frame, then computes
/// imputation statistics and outlier bounds on the values that remain observed (before any imputation).
/// </summary>
internal static class CleaningFitter
{
    /// <summary>The fitted cleaning of <paramref name="frame"/>.</summary>
    public static FittedCleaning Fit(DataFrame frame, CleaningOptions options)
    {
        var errors = new List<string>();
        var names = ColumnNames.Build(frame.ColumnNames, options, errors);
        var duplicateColumns = options.DuplicateColumns?.Select(r => names.Resolve(r, "duplicate column")).OfType<string>().ToArray();
        var outlierColumns = options.OutlierColumns?.Select(r => names.Resolve(r, "outlier column")).OfType<string>().ToArray();
        var synonyms = options.ColumnSynonyms.Select(p => (Name: names.Resolve(p.Key, "synonym column"), p.Value))
            .Where(p => p.Name is not null).ToDictionary(p => p.Name!, p => p.Value, StringComparer.Ordinal);
        var rules = options.ColumnImputation.Select(p => (Name: names.Resolve(p.Key, "imputation column"), p.Value))
            .Where(p => p.Name is not null).ToDictionary(p => p.Name!, p => p.Value, StringComparer.Ordinal);
        var run = new CleaningRun(frame);
        run.Rename(names.Renames);
        var inputSchema = run.Frame.Schema;
        if (names.Time is { } time && run.Frame[time].Kind is not (ColumnKind.Timestamp or ColumnKind.Float64))
        {
            errors.Add($"timeColumn '{time}' must be a timestamp or numeric column, not {run.Frame[time].Kind}.");
        }

        ThrowIfAny(errors);
        var unprotected = (Column c) => !names.Protected.Contains(c.Name);
        TermMap[] termMaps = options.NormalizeTerms
            ? [.. run.Frame.Columns.OfType<CategoricalColumn>().Where(c => unprotected(c)).Select(c => TermNormalizer.Fit(
                c, SynonymMaps.ForColumn(options.Synonyms, synonyms.GetValueOrDefault(c.Name), options.FoldTermCase), options.FoldTermCase))]
            : [];
        run.NormalizeTerms(termMaps);
        var rows = run.Frame.RowCount;
        string[] dropped = [.. run.Frame.Columns.Where(c => unprotected(c) && rows > 0 && (double)c.MissingCount / rows > options.MaxMissingFraction).Select(c => c.Name)];
        run.DropColumns(dropped);
        if (options.DropDuplicates)
        {
            run.DropDuplicates(duplicateColumns?.Where(run.Frame.Contains).ToArray());
        }

        if (options.DropRowsWithMissingTarget && names.Target is { } target)
        {
            run.DropMissingTarget(target);
        }

        var training = run.Frame;
        var imputations = new List<ImputationFit>();
        foreach (var column in training.Columns)
        {
            var rule = rules.GetValueOrDefault(column.Name);
            if (!unprotected(column))
            {
                if (rule is not null)
                {
                    errors.Add($"column '{column.Name}' is protected and cannot have an imputation rule.");
                }

                continue;
            }

            rule ??= column.Kind switch
            {
                ColumnKind.Float64 => options.NumericImputation,
                ColumnKind.Categorical or ColumnKind.Boolean => options.CategoricalImputation,
                _ => ImputationRule.None,
            };
            if (rule.Method != ImputationMethod.None && Incompatibility(column, rule) is { } problem)
            {
                errors.Add(problem);
            }
            else if (rule.Method != ImputationMethod.None)
            {
                imputations.Add(Imputer.Fit(column, rule));
            }
        }

        var outliers = FitOutliers(training, options, outlierColumns, unprotected, errors);
        ThrowIfAny(errors);
        return new FittedCleaning(options, inputSchema, training.RowCount)
        {
            ColumnRenames = names.Renames,
            DroppedColumns = dropped,
            Imputations = imputations,
            Outliers = outliers,
            Target = names.Target,
            GroupColumn = names.Group,
            TimeColumn = names.Time,
            TermMaps = termMaps,
            DuplicateColumns = duplicateColumns,
        };
    }

    private static List<OutlierFit> FitOutliers(
        DataFrame training, CleaningOptions options, string[]? listed, Func<Column, bool> unprotected, List<string> errors)
    {
        var fits = new List<OutlierFit>();
        if (options.OutlierMethod == OutlierMethod.None)
        {
            return fits;
        }

        IEnumerable<Column> candidates = listed is null
            ? training.Columns.Where(c => c is Float64Column && unprotected(c) && DistinctObserved((Float64Column)c) > 2)
            : listed.Where(training.Contains).Select(n => training[n]);
        foreach (var column in candidates)
        {
            if (column is not Float64Column numbers || !unprotected(column))
            {
                errors.Add($"outlier column '{column.Name}' must be a numeric, unprotected column.");
                continue;
            }

            if (options.OutlierAction == OutlierAction.Flag && training.Contains(CleaningRun.FlagName(column.Name)))
            {
                errors.Add($"cannot flag outliers of '{column.Name}': a column '{CleaningRun.FlagName(column.Name)}' already exists.");
            }

            if (OutlierDetector.Fit(numbers, options.OutlierMethod, options.OutlierThreshold) is { } fit)
            {
                fits.Add(fit);
            }
        }

        return fits;
    }

    private static string? Incompatibility(Column column, ImputationRule rule) => column.Kind switch
    {
        ColumnKind.String or ColumnKind.Timestamp => $"column '{column.Name}' is {column.Kind}; only numeric, categorical and boolean columns are imputed.",
        not ColumnKind.Float64 when rule.IsNumericOnly => $"column '{column.Name}' is {column.Kind}; {rule.Method} needs a numeric column.",
        ColumnKind.Float64 when rule.Method == ImputationMethod.Constant && rule.NumericValue is null => $"column '{column.Name}' is numeric; its constant must be a number.",
        not ColumnKind.Float64 when rule.Method == ImputationMethod.Constant && rule.TextValue is null => $"column '{column.Name}' is {column.Kind}; its constant must be text.",
        ColumnKind.Boolean when rule.Method == ImputationMethod.Constant && !bool.TryParse(rule.TextValue, out _) => $"column '{column.Name}' is boolean; its constant must be \"true\" or \"false\".",
        _ => null,
    };

    private static int DistinctObserved(Float64Column column)
    {
        var seen = new HashSet<double>();
        foreach (var v in column.Values)
        {
            if (!double.IsNaN(v) && seen.Add(v) && seen.Count > 2)
            {
                break;
            }
        }

        return seen.Count;
    }

    private static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException("Cannot clean this frame: " + string.Join(" ", errors));
        }
    }
}
