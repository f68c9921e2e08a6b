using System.Collections.ObjectModel;
using System.Globalization;

namespace Vigil.ML.Tuning;

/// <summary>An unordered choice among distinct strings; ints and bools are offered as their invariant text.</summary>
public sealed record CategoricalParameter : SearchParameter
{
    private readonly ReadOnlyCollection<string> _choices;

    /// <summary>Creates a choice among <paramref name="choices"/> (copied), in the order given.</summary>
    public CategoricalParameter(string name, params IEnumerable<string> choices)
        : base(name) => _choices = Array.AsReadOnly([.. choices ?? []]);

    /// <summary>The choices, in declared order; read them back with <see cref="ParameterSet.GetString"/>.</summary>
    public IReadOnlyList<string> Choices
    {
        get => _choices;
        init => _choices = Array.AsReadOnly([.. value ?? []]);
    }

    /// <summary>A choice between <c>false</c> and <c>true</c>; read it back with <see cref="ParameterSet.GetBool"/>.</summary>
    public static CategoricalParameter Bool(string name) => new(name, "false", "true");

    /// <summary>A choice among integers (held as invariant text); read it back with <see cref="ParameterSet.GetInt"/>.</summary>
    public static CategoricalParameter Ints(string name, params IEnumerable<int> choices) =>
        new(name, choices.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Whether both have the same name and the same choices in the same order.</summary>
    public bool Equals(CategoricalParameter? other) =>
        base.Equals(other) && _choices.SequenceEqual(other._choices, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _choices.Aggregate(base.GetHashCode(), (hash, c) => HashCode.Combine(hash, c));

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {{{string.Join(", ", _choices)}}}";

    internal override void Validate(List<string> errors)
    {
        ValidateName(errors);
        if (_choices.Count == 0)
        {
            errors.Add($"{Name}: a categorical parameter needs at least one choice.");
        }

        if (_choices.Any(c => c is null))
        {
            errors.Add($"{Name}: choices must not be null.");
        }
        else if (_choices.Distinct(StringComparer.Ordinal).Count() != _choices.Count)
        {
            errors.Add($"{Name}: choices must be distinct.");
        }
    }

    internal override object SampleUniform(Random random) => _choices[random.Next(_choices.Count)];

    internal override IReadOnlyList<object> GridValues() => [.. _choices];

    internal override bool Holds(object? value) => IndexOf(value) >= 0;

    /// <summary>The index of <paramref name="value"/> among the choices, or −1.</summary>
    internal int IndexOf(object? value) => value is string s ? _choices.IndexOf(s) : -1;
}
