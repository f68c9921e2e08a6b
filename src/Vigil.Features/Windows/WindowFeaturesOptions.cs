namespace Vigil.Features.Windows;

/// <summary>
/// Options of the <c>rolling</c> step: statistics over the last <c>w</c> rows (the current row included) of each group,
/// in time order, for every column and window size; outputs are named <c>&lt;column&gt;_&lt;stat&gt;_w&lt;w&gt;</c>.
/// </summary>
public sealed record WindowFeaturesOptions
{
    /// <summary>The numeric (Float64) columns to summarize; required.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The window sizes in rows, each at least 1, e.g. [5, 10, 30]; required.</summary>
    public IReadOnlyList<int> WindowSizes { get; init; } = [];

    /// <summary>The statistics per window, in output order; default mean, std, min, max, slope.</summary>
    public IReadOnlyList<WindowStatistic> Statistics { get; init; } =
        [WindowStatistic.Mean, WindowStatistic.Std, WindowStatistic.Min, WindowStatistic.Max, WindowStatistic.Slope];

    /// <summary>The fewest non-missing values a window needs, else every statistic is NaN; default 1, at most the smallest window.</summary>
    public int MinPeriods { get; init; } = 1;

    /// <summary>The machine or unit id column; null (default) takes <see cref="FeatureFitContext.GroupColumn"/>, and no group at all means one sequence.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>The column that orders rows within a group; null (default) takes <see cref="FeatureFitContext.TimeColumn"/>, and none means row order.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        WindowOptionChecks.Columns(errors, Columns);
        WindowOptionChecks.Lengths(errors, WindowSizes, nameof(WindowSizes));
        if (Statistics is null || Statistics.Count == 0)
        {
            errors.Add("Statistics must hold at least one statistic.");
        }
        else
        {
            if (Statistics.Any(s => !Enum.IsDefined(s)))
            {
                errors.Add($"Statistics hold an unknown value ({string.Join(", ", Statistics.Where(s => !Enum.IsDefined(s)).Select(s => (int)s))}).");
            }

            if (Statistics.Distinct().Count() != Statistics.Count)
            {
                errors.Add($"Statistics must not repeat ({string.Join(", ", Statistics)}).");
            }
        }

        if (MinPeriods < 1)
        {
            errors.Add($"MinPeriods must be at least 1, not {MinPeriods}.");
        }
        else if (WindowSizes is { Count: > 0 } && MinPeriods > WindowSizes.Min())
        {
            errors.Add($"MinPeriods ({MinPeriods}) must not exceed the smallest window ({WindowSizes.Min()}), whose statistics would always be NaN.");
        }

        WindowOptionChecks.OptionalName(errors, GroupColumn, nameof(GroupColumn));
        WindowOptionChecks.OptionalName(errors, TimeColumn, nameof(TimeColumn));
        return errors;
    }
}
