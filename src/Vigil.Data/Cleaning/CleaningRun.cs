using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>One pass of the cleaning rules over a frame: the frame so far, which input row each row came from, and the rows quarantined.</summary>
internal sealed class CleaningRun
{
    private readonly DataFrame _input;
    private readonly List<(int Row, string Reason)> _quarantined = [];
    private int[] _rows;

    /// <summary>Starts a run over <paramref name="input"/>.</summary>
    public CleaningRun(DataFrame input)
    {
        _input = input;
        Frame = input;
        _rows = [.. Enumerable.Range(0, input.RowCount)];
    }

    /// <summary>The frame after the rules applied so far.</summary>
    public DataFrame Frame { get; private set; }

    /// <summary>The rows removed so far, ordered by input row, with 1-based row numbers and the input values as CSV.</summary>
    public IReadOnlyList<QuarantinedRow> Quarantined =>
        [.. _quarantined.OrderBy(q => q.Row).Select(q => new QuarantinedRow(q.Row + 1, Located(q.Row, q.Reason), RowText.Format(_input, q.Row)))];

    /// <summary>Renames the columns present in <paramref name="renames"/> (original → cleaned).</summary>
    public List<ColumnRename> Rename(IReadOnlyDictionary<string, string> renames)
    {
        var changes = new List<ColumnRename>();
        var columns = Frame.Columns.Select(c =>
        {
            if (!renames.TryGetValue(c.Name, out var to))
            {
                return c;
            }

            changes.Add(new ColumnRename(c.Name, to));
            return c.Rename(to);
        }).ToArray();
        Frame = new DataFrame(columns);
        return changes;
    }

    /// <summary>Normalizes the terms of each mapped categorical column present.</summary>
    public List<TermChange> NormalizeTerms(IEnumerable<TermMap> maps)
    {
        var changes = new List<TermChange>();
        foreach (var map in maps)
        {
            if (Frame.TryGetColumn(map.Column, out var column) && column is CategoricalColumn categorical)
            {
                var (normalized, changed) = TermNormalizer.Apply(categorical, map);
                Frame = Frame.WithColumn(normalized);
                changes.AddRange(changed);
            }
        }

        return changes;
    }

    /// <summary>Drops the named columns present, recording their missing counts.</summary>
    public List<DroppedColumn> DropColumns(IEnumerable<string> names)
    {
        var dropped = new List<DroppedColumn>();
        foreach (var name in names)
        {
            if (Frame.TryGetColumn(name, out var column))
            {
                var missing = column.MissingCount;
                dropped.Add(new DroppedColumn(name, missing, Frame.RowCount == 0 ? 0 : 100.0 * missing / Frame.RowCount));
            }
        }

        Frame = Frame.Drop(dropped.Select(d => d.Column));
        return dropped;
    }

    /// <summary>Quarantines rows equal in <paramref name="columns"/> (null: every column) to an earlier row; returns how many.</summary>
    public int DropDuplicates(IReadOnlyList<string>? columns)
    {
        var first = DuplicateFinder.FirstOccurrences(Frame, columns ?? Frame.ColumnNames);
        var drops = new List<(int Row, string Reason)>();
        for (var row = 0; row < first.Length; row++)
        {
            if (first[row] >= 0)
            {
                drops.Add((row, string.Create(CultureInfo.InvariantCulture, $"duplicate of row {_rows[first[row]] + 1}")));
            }
        }

        return Remove(drops);
    }

    /// <summary>Quarantines rows whose <paramref name="target"/> is missing; returns how many.</summary>
    public int DropMissingTarget(string target)
    {
        var column = Frame[target];
        var drops = new List<(int Row, string Reason)>();
        for (var row = 0; row < Frame.RowCount; row++)
        {
            if (column.IsMissing(row))
            {
                drops.Add((row, $"target '{target}' is missing"));
            }
        }

        return Remove(drops);
    }

    /// <summary>Fills missing values column by column; series are cut by <paramref name="group"/> and ordered by <paramref name="time"/>.</summary>
    public List<ImputationCount> Impute(IEnumerable<ImputationFit> fits, string? group, string? time, EdgeGapPolicy edges)
    {
        SeriesIndex? series = null;
        var counts = new List<ImputationCount>();
        foreach (var fit in fits)
        {
            var (column, filled, left) = Imputer.Apply(Frame[fit.Column], fit, () => series ??= SeriesIndex.Build(Frame, group, time), edges);
            if (filled + left > 0)
            {
                Frame = Frame.WithColumn(column);
                counts.Add(new ImputationCount(fit.Column, fit.Method, filled, left, fit.NumericValue, fit.TextValue));
            }
        }

        return counts;
    }

    /// <summary>Clips, flags or drops the outliers of each fitted column; returns the counts and the number of rows dropped.</summary>
    public (List<OutlierCount> Counts, int RowsDropped) TreatOutliers(IEnumerable<OutlierFit> fits, OutlierAction action)
    {
        var counts = new List<OutlierCount>();
        var reasons = new SortedDictionary<int, List<string>>();
        foreach (var fit in fits)
        {
            var values = Frame.Get<Float64Column>(fit.Column).ToArray();
            var flags = new double[values.Length];
            var count = 0;
            for (var row = 0; row < values.Length; row++)
            {
                if (!OutlierDetector.IsOutlier(fit, values[row]))
                {
                    continue;
                }

                count++;
                flags[row] = 1;
                if (action == OutlierAction.Drop)
                {
                    (reasons.TryGetValue(row, out var list) ? list : reasons[row] = []).Add(OutlierDetector.Describe(fit, values[row]));
                }

                values[row] = Math.Clamp(values[row], fit.Lower, fit.Upper);
            }

            Frame = action switch
            {
                OutlierAction.Clip => Frame.WithColumn(new Float64Column(fit.Column, values)),
                OutlierAction.Flag => Frame.WithColumn(new Float64Column(FlagName(fit.Column), flags)),
                _ => Frame,
            };
            counts.Add(new OutlierCount(fit.Column, fit.Method, action, fit.Threshold, fit.Lower, fit.Upper, count));
        }

        return (counts, Remove([.. reasons.Select(p => (p.Key, string.Join("; ", p.Value)))]));
    }

    /// <summary>The name of the 0/1 column that flags the outliers of <paramref name="column"/>.</summary>
    public static string FlagName(string column) => column + "_outlier";

    private static string Located(int row, string reason) => string.Create(CultureInfo.InvariantCulture, $"row {row + 1}: {reason}");

    private int Remove(List<(int Row, string Reason)> drops)
    {
        if (drops.Count == 0)
        {
            return 0;
        }

        var dropped = new bool[Frame.RowCount];
        foreach (var (row, reason) in drops)
        {
            dropped[row] = true;
            _quarantined.Add((_rows[row], reason));
        }

        int[] keep = [.. Enumerable.Range(0, Frame.RowCount).Where(r => !dropped[r])];
        Frame = Frame.Take(keep);
        _rows = [.. keep.Select(r => _rows[r])];
        return drops.Count;
    }
}
