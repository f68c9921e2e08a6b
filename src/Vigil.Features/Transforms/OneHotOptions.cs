namespace Vigil.Features.Transforms;

/// <summary>Immutable options of <c>one_hot</c>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record OneHotOptions
{
    /// <summary>The categorical, text or boolean columns to encode; empty (default) means every such column except the target.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>What to do with a category not seen in training; default <see cref="UnknownCategoryPolicy.Ignore"/>.</summary>
    public UnknownCategoryPolicy Unknown { get; init; } = UnknownCategoryPolicy.Ignore;

    /// <summary>What to do with a missing value; default <see cref="MissingCategoryPolicy.Indicator"/>.</summary>
    public MissingCategoryPolicy Missing { get; init; } = MissingCategoryPolicy.Indicator;

    /// <summary>Whether the input column stays in the frame (default false: the indicators take its place).</summary>
    public bool KeepInput { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Columns(Columns, errors);
        OptionChecks.Defined(Unknown, nameof(Unknown), errors);
        OptionChecks.Defined(Missing, nameof(Missing), errors);
        return errors;
    }
}
