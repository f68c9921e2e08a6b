namespace Vigil.Features.Windows;

/// <summary>
/// Options of the <c>cumulative</c> step: the running sum of the non-missing values so far in the group,
/// <c>&lt;column&gt;_cumsum</c> (NaN until the first value), and optionally their running count, <c>&lt;column&gt;_cumcount</c>.
/// </summary>
public sealed record CumulativeFeaturesOptions
{
    /// <summary>The numeric (Float64) columns to accumulate, e.g. wear per cycle; required.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Whether to add the running count of non-missing values; default false.</summary>
    public bool IncludeCount { get; init; }

    /// <summary>The machine or unit id column; null (default) takes <see cref="FeatureFitContext.GroupColumn"/>.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>The column that orders rows within a group; null (default) takes <see cref="FeatureFitContext.TimeColumn"/>, and none means row order.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        WindowOptionChecks.Columns(errors, Columns);
        WindowOptionChecks.OptionalName(errors, GroupColumn, nameof(GroupColumn));
        WindowOptionChecks.OptionalName(errors, TimeColumn, nameof(TimeColumn));
        return errors;
    }
}
