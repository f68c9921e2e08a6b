namespace Vigil.Features.Windows;

/// <summary>Options of the <c>lag</c> step: the value <c>k</c> rows earlier in the same group, <c>&lt;column&gt;_lag&lt;k&gt;</c>; NaN before <c>k</c> earlier rows exist.</summary>
public sealed record LagFeaturesOptions
{
    /// <summary>The numeric (Float64) columns to lag; required.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The lags in rows, each at least 1; default [1].</summary>
    public IReadOnlyList<int> Lags { get; init; } = [1];

    /// <summary>The machine or unit id column; null (default) takes <see cref="FeatureFitContext.GroupColumn"/>.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>The column that orders rows within a group; null (default) takes <see cref="FeatureFitContext.TimeColumn"/>, and none means row order.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        WindowOptionChecks.Columns(errors, Columns);
        WindowOptionChecks.Lengths(errors, Lags, nameof(Lags));
        WindowOptionChecks.OptionalName(errors, GroupColumn, nameof(GroupColumn));
        WindowOptionChecks.OptionalName(errors, TimeColumn, nameof(TimeColumn));
        return errors;
    }
}
