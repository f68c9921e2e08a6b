namespace Vigil.Features.Windows;

/// <summary>Options of the <c>diff</c> step: the value minus the value <c>k</c> rows earlier in the same group, <c>&lt;column&gt;_diff&lt;k&gt;</c>; NaN when either is missing.</summary>
public sealed record DiffFeaturesOptions
{
    /// <summary>The numeric (Float64) columns to difference; required.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The periods in rows, each at least 1; default [1].</summary>
    public IReadOnlyList<int> Periods { get; init; } = [1];

    /// <summary>The machine or unit id column; null (default) takes <see cref="FeatureFitContext.GroupColumn"/>.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>The column that orders rows within a group; null (default) takes <see cref="FeatureFitContext.TimeColumn"/>, and none means row order.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        WindowOptionChecks.Columns(errors, Columns);
        WindowOptionChecks.Lengths(errors, Periods, nameof(Periods));
        WindowOptionChecks.OptionalName(errors, GroupColumn, nameof(GroupColumn));
        WindowOptionChecks.OptionalName(errors, TimeColumn, nameof(TimeColumn));
        return errors;
    }
}
