namespace Vigil.Features.Transforms;

/// <summary>Immutable options of <c>ordinal</c>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record OrdinalOptions
{
    /// <summary>The categorical, text or boolean columns to encode; empty (default) means every such column except the target.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Whether an unseen category throws (true) or becomes code −1 (default false).</summary>
    public bool ErrorOnUnknown { get; init; }

    /// <summary>Whether each column is replaced in place by its Float64 codes (default true) or a <c>&lt;col&gt;_ordinal</c> column is added.</summary>
    public bool InPlace { get; init; } = true;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Columns(Columns, errors);
        return errors;
    }
}
