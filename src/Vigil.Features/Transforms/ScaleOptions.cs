namespace Vigil.Features.Transforms;

/// <summary>Immutable options of <c>min_max_scale</c> and <c>standard_scale</c>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record ScaleOptions
{
    /// <summary>The Float64 columns to scale; empty (default) means every Float64 column except the target.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Whether each column is replaced in place (default true) or a <c>&lt;col&gt;_scaled</c> column is added.</summary>
    public bool InPlace { get; init; } = true;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Columns(Columns, errors);
        return errors;
    }
}
